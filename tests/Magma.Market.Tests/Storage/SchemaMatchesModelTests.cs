using Magma.Lightning.Simnet.Data;
using Magma.Market.Data;
using Magma.Payments.Data;
using Magma.Testing;

namespace Magma.Market.Tests.Storage;

/// <summary>The hand-written SQL migrations and the EF models describe the same tables.</summary>
public sealed class SchemaMatchesModelTests : MarketHarness
{
    [Fact]
    public async Task TheSimnetModelMatchesItsMigrations()
    {
        await using var connection = await Database.OpenReadConnection();
        await using var context = Database.Read<SimnetDbContext>();
        SchemaAssert.ModelMatchesDatabase(context, connection);
    }

    [Fact]
    public async Task ThePaymentsModelMatchesItsMigrations()
    {
        await using var connection = await Database.OpenReadConnection();
        await using var context = Database.Read<PaymentsDbContext>();
        SchemaAssert.ModelMatchesDatabase(context, connection);
    }

    [Fact]
    public async Task TheMarketModelMatchesItsMigrations()
    {
        await using var connection = await Database.OpenReadConnection();
        await using var context = Database.Read<MarketDbContext>();
        SchemaAssert.ModelMatchesDatabase(context, connection);
    }
}
