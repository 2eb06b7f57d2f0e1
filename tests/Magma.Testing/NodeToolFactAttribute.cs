using Xunit;

namespace Magma.Testing;

/// <summary>
/// A fact that cross-checks against a Node.js reference package. It runs wherever <c>.ci/run</c> has
/// installed <c>tests/tools</c>, and is reported as skipped (with the reason) on a machine that only
/// has the .NET SDK, so <c>dotnet test Magma.sln</c> still works there.
/// </summary>
public sealed class NodeToolFactAttribute : FactAttribute
{
    public NodeToolFactAttribute(string package)
    {
        if (!NodeTools.IsInstalled(package))
            Skip = $"needs node and tests/tools/node_modules/{package} (run: npm ci --prefix tests/tools)";
    }
}
