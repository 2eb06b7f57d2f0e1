using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Limits;

// Measures expanded selection sets; each fragment is measured once and reused, so fan-out stays linear.
internal sealed class SelectionMeasurer(DocumentNode document)
{
    public const int MaxFragmentNesting = 100;

    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = document.Definitions
        .OfType<FragmentDefinitionNode>()
        .GroupBy(f => f.Name)
        .ToDictionary(g => g.Key, g => g.First());

    private readonly Dictionary<string, SelectionSize> _measured = [];
    private readonly HashSet<string> _inProgress = [];

    public bool FragmentNestingExceeded { get; private set; }

    public SelectionSize Measure(SelectionSetNode selectionSet)
    {
        var size = SelectionSize.Empty;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var child = field.SelectionSet is null ? SelectionSize.Empty : Measure(field.SelectionSet);
                    size = size.Merge(new SelectionSize(child.Depth + 1, child.Aliases + (field.Alias is null ? 0 : 1), child.Fields + 1));
                    break;
                case InlineFragmentNode inline:
                    size = size.Merge(Measure(inline.SelectionSet));
                    break;
                case FragmentSpreadNode spread:
                    size = size.Merge(MeasureFragment(spread.Name));
                    break;
            }
        }

        return size;
    }

    // A cycle measures as empty here; validation reports it.
    private SelectionSize MeasureFragment(string name)
    {
        if (_measured.TryGetValue(name, out var known))
            return known;
        if (!_fragments.TryGetValue(name, out var fragment) || _inProgress.Contains(name))
            return SelectionSize.Empty;
        if (_inProgress.Count >= MaxFragmentNesting)
        {
            FragmentNestingExceeded = true;
            return SelectionSize.Empty;
        }

        _inProgress.Add(name);
        var size = Measure(fragment.SelectionSet);
        _inProgress.Remove(name);
        return _measured[name] = size;
    }
}

// Depth, aliases and fields of an expanded selection, with counts saturating at Cap.
internal readonly record struct SelectionSize(int Depth, long Aliases, long Fields)
{
    public const long Cap = long.MaxValue / 4;

    public static SelectionSize Empty => default;

    public SelectionSize Merge(SelectionSize other) =>
        new(Math.Max(Depth, other.Depth), Math.Min(Cap, Aliases + other.Aliases), Math.Min(Cap, Fields + other.Fields));
}
