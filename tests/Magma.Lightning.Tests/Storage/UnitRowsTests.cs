using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.EntityFrameworkCore;
using static Magma.Lightning.Tests.Storage.PreparedPathsTests;

namespace Magma.Lightning.Tests.Storage;

/// <summary>Rows a unit queues with <c>Insert</c> instead of EF's Add: written at save, as EF would, and never lost.</summary>
public sealed class UnitRowsTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await OpenParcels(_file);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task QueuedRowsAreWrittenAtSaveWithTheirFinalValuesPrincipalsFirst()
    {
        var parcel = NewParcel("p1", "first");
        var scans = new[] { new Scan { ParcelId = "p1", Place = "depot" }, new Scan { ParcelId = "p1", Place = "van" } };

        await _database.Write<ParcelContext>(async db =>
        {
            // Dependents queued first on purpose; foreign keys are on.
            foreach (var scan in scans)
                db.Insert(scan);
            db.Insert(parcel);
            parcel.Note = "set after queueing";
            await db.SaveChangesAsync();
        });

        Assert.True(scans[0].Id > 0 && scans[1].Id > scans[0].Id);
        AssertSame(parcel, (await _database.Rows<ParcelContext, Parcel>("id = $p0", "p1")).Single());
        Assert.Equal("set after queueing", parcel.Note);
        Assert.Equal(["depot", "van"], await _database.Query("SELECT place FROM scans ORDER BY id", r => r.GetString(0)));
    }

    [Fact]
    public async Task AQueuedDependentOfARowEfAddedGoesAfterIt()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            db.Insert(new Scan { ParcelId = "p1", Place = "depot" });
            db.Parcels.Add(NewParcel("p1", "first"));
            await db.SaveChangesAsync();
        });

        Assert.Equal(["p1"], await _database.Query("SELECT parcel_id FROM scans", r => r.GetString(0)));
    }

    [Fact]
    public async Task TrackedAndAddedSeeQueuedRowsUntilTheyAreSaved()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            var queued = db.Insert(NewParcel("p1", "queued"));
            var added = db.Parcels.Add(NewParcel("p2", "added")).Entity;
            Assert.Equal([added, queued], db.Tracked<Parcel>());
            Assert.Equal([added, queued], db.Added<Parcel>());

            await db.SaveChangesAsync();

            Assert.Empty(db.Added<Parcel>());
            // EF keeps tracking what it added; a queued row is only in the database now.
            Assert.Equal([added], db.Tracked<Parcel>());
        });
    }

    [Fact]
    public async Task AUnitThatQueuesRowsAndNeverSavesThemFailsAndLeavesNothingBehind()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Write<ParcelContext>(db =>
        {
            db.Insert(NewParcel("p1", "forgotten"));
            return Task.CompletedTask;
        }));
        Assert.Contains("never saved", error.Message);

        // The pooled context is reused: the next unit must not write the forgotten row.
        await _database.Write<ParcelContext>(async db =>
        {
            db.Insert(NewParcel("p2", "saved"));
            await db.SaveChangesAsync();
        });

        Assert.Equal(["p2"], await _database.Query("SELECT id FROM parcels", r => r.GetString(0)));
    }

    [Fact]
    public async Task AUniqueViolationOnAQueuedRowFailsTheUnitAsEfWouldAndUndoesItsOtherRows()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            db.Insert(NewParcel("p1", "same"));
            await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _database.Write<ParcelContext>(async db =>
        {
            db.Insert(NewParcel("p2", "other"));
            db.Insert(NewParcel("p3", "same"));
            await db.SaveChangesAsync();
        }));

        Assert.True(SqliteErrors.IsUniqueViolation(error));
        Assert.Equal(["p1"], await _database.Query("SELECT id FROM parcels", r => r.GetString(0)));
    }
}
