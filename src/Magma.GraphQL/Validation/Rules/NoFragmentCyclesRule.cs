using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.2.2: fragment spreads must not form cycles, directly or through other fragments.
internal sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _pathIndexByName = new(StringComparer.Ordinal);

    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var fragment in context.Document.Definitions.OfType<FragmentDefinitionNode>())
            DetectCycles(context, fragment);
    }

    private void DetectCycles(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (!_visited.Add(fragment.Name))
            return;
        var spreads = context.Spreads.GetValueOrDefault(fragment) ?? [];
        if (spreads.Count == 0)
            return;

        _pathIndexByName[fragment.Name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            _spreadPath.Add(spread);
            if (!_pathIndexByName.TryGetValue(spread.Name, out var cycleStart))
            {
                if (context.Fragments.TryGetValue(spread.Name, out var next))
                    DetectCycles(context, next);
            }
            else
            {
                Report(context, spread.Name, _spreadPath.GetRange(cycleStart, _spreadPath.Count - cycleStart));
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _pathIndexByName.Remove(fragment.Name);
    }

    private static void Report(ValidationContext context, string name, List<FragmentSpreadNode> cycle)
    {
        context.HasFragmentCycles = true;
        var via = string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => $"\"{s.Name}\""));
        var message = via.Length == 0
            ? $"Cannot spread fragment \"{name}\" within itself."
            : $"Cannot spread fragment \"{name}\" within itself via {via}.";
        context.Report(message, cycle.Select(s => s.Location).ToArray());
    }
}
