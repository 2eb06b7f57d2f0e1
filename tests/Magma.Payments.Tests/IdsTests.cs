namespace Magma.Payments.Tests;

public sealed class IdsTests
{
    [Fact]
    public void New_ids_sort_as_text_in_the_order_their_rows_were_created()
    {
        var start = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 50).Select(i => Ids.New(start.AddMilliseconds(i * 7))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_id_is_a_lowercase_version_7_uuid_carrying_its_creation_millisecond()
    {
        var createdAt = new DateTime(2026, 11, 21, 12, 34, 56, 789, DateTimeKind.Utc);

        var id = Ids.New(createdAt);

        Assert.Equal(id.ToLowerInvariant(), id);
        Assert.Equal(7, Guid.Parse(id).Version);
        var millis = Convert.ToInt64(id.Replace("-", "")[..12], 16);
        Assert.Equal(new DateTimeOffset(createdAt).ToUnixTimeMilliseconds(), millis);
        Assert.Equal(id, Ids.Require(id, "id"));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_still_differ()
    {
        var createdAt = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New(createdAt)).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }
}
