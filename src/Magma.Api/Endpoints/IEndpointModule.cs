namespace Magma.Api.Endpoints;

/// <summary>
/// A feature's routes. Modules have no constructor dependencies: services arrive as handler parameters,
/// resolved per request.
/// </summary>
public interface IEndpointModule
{
    void AddRoutes(IEndpointRouteBuilder app);
}
