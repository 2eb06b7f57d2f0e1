namespace Magma.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding Magma.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Magma.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Magma.sln not found above " + AppContext.BaseDirectory);
    }
}
