using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Tests.Storage;

/// <summary>
/// The paths beside EF: new rows through prepared INSERTs built from the model, hot reads through prepared SELECTs
/// mapped by the model. Each must behave exactly as EF would with the same model.
/// </summary>
public sealed class PreparedPathsTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await OpenParcels(_file);
    }

    /// <summary>A database with the parcels and scans tables these tests and <see cref="UnitRowsTests"/> write.</summary>
    internal static async Task<SqliteDatabase> OpenParcels(TemporaryDatabase file)
    {
        var database = new SqliteDatabase(new SqliteOptions { ConnectionString = file.ConnectionString, Synchronous = "NORMAL" });
        await database.Write(async (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = """
                CREATE TABLE parcels (id TEXT NOT NULL PRIMARY KEY, label TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, weight_msat INTEGER NOT NULL,
                    fragile INTEGER NOT NULL, sent_at TEXT NOT NULL, delivered_at TEXT NULL, note TEXT NULL, priority INTEGER NULL);
                CREATE TABLE scans (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, parcel_id TEXT NOT NULL REFERENCES parcels (id), place TEXT NOT NULL);
                """;
            return await command.ExecuteNonQueryAsync();
        });
        return database;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task NewRowsAreWrittenWithConvertedValuesAndGeneratedKeysComeBack()
    {
        var parcel = NewParcel("p1", "first");
        var scans = new[] { new Scan { ParcelId = "p1", Place = "depot" }, new Scan { ParcelId = "p1", Place = "van" } };

        await _database.Write<ParcelContext>(async db =>
        {
            // Dependents first on purpose: the writes must still go principals first, foreign keys are on.
            db.Scans.AddRange(scans);
            db.Parcels.Add(parcel);
            await db.SaveChangesAsync();
        });

        Assert.True(scans[0].Id > 0 && scans[1].Id > scans[0].Id);
        await using var read = _database.Read<ParcelContext>();
        var saved = await read.Parcels.SingleAsync();
        AssertSame(parcel, saved);
        Assert.Equal(["depot", "van"], await read.Scans.OrderBy(s => s.Id).Select(s => s.Place).ToListAsync());
        Assert.Equal("Express", (await _database.Query("SELECT kind FROM parcels", r => r.GetString(0))).Single());
    }

    [Fact]
    public async Task ChangesAfterASaveInTheSameUnitAreUpdatesThatEfWrites()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            var parcel = NewParcel("p1", "first");
            db.Parcels.Add(parcel);
            await db.SaveChangesAsync();
            parcel.Note = "changed after insert";
            parcel.Kind = ParcelKind.Freight;
            await db.SaveChangesAsync();
        });

        var saved = (await _database.Rows<ParcelContext, Parcel>("id = $p0", "p1")).Single();
        Assert.Equal("changed after insert", saved.Note);
        Assert.Equal(ParcelKind.Freight, saved.Kind);
    }

    [Fact]
    public async Task AnEditToALoadedRowSavedTogetherWithNewRowsIsNotLost()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            db.Parcels.Add(NewParcel("p1", "first"));
            await db.SaveChangesAsync();
        });

        await _database.Write<ParcelContext>(async db =>
        {
            // Only change detection knows this row changed: the new scan alone must not decide the save is insert-only.
            (await db.Parcels.SingleAsync(p => p.Id == "p1")).Note = "edited";
            db.Scans.Add(new Scan { ParcelId = "p1", Place = "depot" });
            await db.SaveChangesAsync();
        });

        Assert.Equal("edited", (await _database.Rows<ParcelContext, Parcel>("id = $p0", "p1")).Single().Note);
        Assert.Single(await _database.Query("SELECT id FROM scans", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task AUniqueViolationFailsTheUnitAsEfWouldAndUndoesItsOtherRows()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            db.Parcels.Add(NewParcel("p1", "same"));
            await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _database.Write<ParcelContext>(async db =>
        {
            db.Parcels.Add(NewParcel("p2", "other"));
            db.Parcels.Add(NewParcel("p3", "same"));
            await db.SaveChangesAsync();
        }));

        Assert.True(SqliteErrors.IsUniqueViolation(error));
        Assert.Single(await _database.Rows<ParcelContext, Parcel>("1 = 1"));
    }

    [Fact]
    public async Task PreparedReadsMapEveryColumnAsTheModelDoes()
    {
        var full = NewParcel("p1", "full");
        full.DeliveredAt = new DateTime(2026, 11, 21, 12, 30, 15, 123, DateTimeKind.Utc);
        full.Note = "with a note";
        var sparse = NewParcel("p2", "sparse");
        await _database.Write<ParcelContext>(async db =>
        {
            db.Parcels.AddRange(full, sparse);
            await db.SaveChangesAsync();
        });

        AssertSame(full, (await _database.Rows<ParcelContext, Parcel>("id = $p0", "p1")).Single());
        AssertSame(sparse, (await _database.Rows<ParcelContext, Parcel>("label = $p0", "sparse")).Single());
        Assert.Empty(await _database.Rows<ParcelContext, Parcel>("id = $p0", "missing"));
    }

    [Fact]
    public async Task ConcurrentPreparedReadsEachGetTheirOwnRows()
    {
        await _database.Write<ParcelContext>(async db =>
        {
            for (var i = 0; i < 50; i++)
                db.Parcels.Add(NewParcel($"p{i}", $"label {i}"));
            await db.SaveChangesAsync();
        });

        var reads = await Task.WhenAll(Enumerable.Range(0, 400).Select(async i =>
            (Asked: $"p{i % 50}", Got: (await _database.Rows<ParcelContext, Parcel>("id = $p0", $"p{i % 50}")).Single().Id)));

        Assert.All(reads, read => Assert.Equal(read.Asked, read.Got));
    }

    [Fact]
    public async Task AStatementWithTheWrongNumberOfArgumentsIsRefused()
    {
        await _database.Query("SELECT id FROM parcels WHERE id = $p0", r => r.GetString(0), "p1");

        await Assert.ThrowsAsync<ArgumentException>(() => _database.Query("SELECT id FROM parcels WHERE id = $p0", r => r.GetString(0)));
    }

    internal static Parcel NewParcel(string id, string label) => new()
    {
        Id = id, Label = label, Kind = ParcelKind.Express, WeightMsat = 21_000_000_123, Fragile = true,
        SentAt = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc),
    };

    internal static void AssertSame(Parcel expected, Parcel actual)
    {
        Assert.Equal((expected.Id, expected.Label, expected.Kind, expected.WeightMsat, expected.Fragile, expected.SentAt, expected.DeliveredAt, expected.Note),
            (actual.Id, actual.Label, actual.Kind, actual.WeightMsat, actual.Fragile, actual.SentAt, actual.DeliveredAt, actual.Note));
        Assert.Equal(DateTimeKind.Utc, actual.SentAt.Kind);
    }

    [Fact]
    public async Task ANullInAColumnTheClassCannotHoldReadsAsTheDefault()
    {
        await _database.Write(async (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO parcels (id, label, kind, weight_msat, fragile, sent_at, priority) VALUES ('old', 'from before', 'Freight', 5, 0, '2026-01-01 00:00:00', NULL)";
            return await command.ExecuteNonQueryAsync();
        });

        var parcel = (await _database.Rows<ParcelContext, Parcel>("id = $p0", "old")).Single();

        Assert.Equal((0, ParcelKind.Freight, 5L), (parcel.Priority, parcel.Kind, parcel.WeightMsat));
    }

    public enum ParcelKind { Express, Freight }

    public sealed class Parcel
    {
        public required string Id { get; set; }
        public required string Label { get; set; }
        public ParcelKind Kind { get; set; }
        public long WeightMsat { get; set; }
        public bool Fragile { get; set; }
        public DateTime SentAt { get; set; }
        public DateTime? DeliveredAt { get; set; }
        public string? Note { get; set; }
        // NULL-able in the table, not in the class: as a column added later with ALTER TABLE … ADD COLUMN would be.
        public int Priority { get; set; }
    }

    public sealed class Scan
    {
        public long Id { get; set; }
        public required string ParcelId { get; set; }
        public required string Place { get; set; }
    }

    public sealed class ParcelContext(DbContextOptions<ParcelContext> options) : DbContext(options)
    {
        public DbSet<Parcel> Parcels => Set<Parcel>();
        public DbSet<Scan> Scans => Set<Scan>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Parcel>().ToTable("parcels").HasKey(p => p.Id);
            modelBuilder.Entity<Scan>().ToTable("scans").HasKey(s => s.Id);
            modelBuilder.Entity<Scan>().HasOne<Parcel>().WithMany().HasForeignKey(s => s.ParcelId);
            modelBuilder.ApplyMagmaConventions();
        }
    }
}
