namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// Every GraphQL operation in the seed pages (shared/seeds), copied verbatim by a script: the page listings, the
/// curl bodies and the graphql-request templates. Duplicates across listings are kept once.
/// </summary>
public static partial class SeedOperations
{
}
