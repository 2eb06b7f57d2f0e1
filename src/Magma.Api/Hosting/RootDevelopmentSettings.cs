using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Magma.Api.Hosting;

public static class RootDevelopmentSettings
{
    /// <summary>
    /// The development settings live at the repository root (the build copies them next to the binaries).
    /// They are inserted right after the project's own appsettings files, so environment variables and the
    /// command line still override them.
    /// </summary>
    public static void AddRootDevelopmentSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var fileName = $"appsettings.{environment.EnvironmentName}.json";
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, fileName)) || File.Exists(Path.Combine(environment.ContentRootPath, fileName)))
            return;
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var afterJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i + 1;
        var source = new JsonConfigurationSource
        {
            Path = fileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        source.ResolveFileProvider();
        sources.Insert(afterJson, source);
    }
}
