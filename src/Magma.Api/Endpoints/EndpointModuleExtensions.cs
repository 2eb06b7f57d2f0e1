namespace Magma.Api.Endpoints;

public static class EndpointModuleExtensions
{
    /// <summary>Maps every <see cref="IEndpointModule"/> in this assembly.</summary>
    public static IEndpointRouteBuilder MapEndpointModules(this IEndpointRouteBuilder app)
    {
        var modules = typeof(EndpointModuleExtensions).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpointModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var module in modules)
            ((IEndpointModule)Activator.CreateInstance(module)!).AddRoutes(app);
        return app;
    }
}
