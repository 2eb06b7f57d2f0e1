using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Execution;

// The distinct field names selected under a field, across fragments of any type condition.
internal static class SelectedFieldNames
{
    public static IReadOnlyList<string> Of(IEnumerable<FieldNode> nodes, PreparedDocument document)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>(nodes.Select(n => n.SelectionSet).OfType<SelectionSetNode>());
        while (pending.TryPop(out var selectionSet))
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field when seen.Add(field.Name):
                        names.Add(field.Name);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread when visitedFragments.Add(spread.Name) &&
                                                        document.Fragments.TryGetValue(spread.Name, out var fragment):
                        pending.Push(fragment.SelectionSet);
                        break;
                }
            }
        }

        return names;
    }
}
