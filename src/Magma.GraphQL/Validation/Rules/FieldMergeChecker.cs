using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation.Rules;

// The spec's FieldsInSetCanMerge() without its pairwise blow-up. Response shapes must agree across every field
// with the same response name. Name and arguments must agree wherever two fields could apply to the same
// object: within one parent object type, or whenever a parent is abstract. Fields whose parents are distinct
// object types are mutually exclusive and only need the same shape.
internal sealed class FieldMergeChecker(ValidationContext context)
{
    private readonly HashSet<FieldNode> _reported = [];

    public void Check(NamedType parent, SelectionSetNode selectionSet)
    {
        var fields = Expand([(parent, selectionSet)]);
        CheckMergeable(fields);
        CheckShapes(fields);
    }

    private void CheckShapes(List<FieldEntry> fields)
    {
        foreach (var group in fields.GroupBy(f => f.Node.ResponseName))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                if (first.Definition is { } a && other.Definition is { } b && !SameShape(a.Type, b.Type))
                    Conflict(first, other, $"they return conflicting types \"{a.Type}\" and \"{b.Type}\"");
            }

            var children = group.Where(f => f.Node.SelectionSet is not null && f.Definition is not null)
                .Select(f => (f.Definition!.Type.Named, f.Node.SelectionSet!))
                .ToList();
            if (children.Count > 0)
                CheckShapes(Expand(children));
        }
    }

    private void CheckMergeable(List<FieldEntry> fields)
    {
        foreach (var group in fields.GroupBy(f => f.Node.ResponseName))
        {
            var members = group.ToList();
            var abstractParents = members.Where(m => m.Parent is not ObjectType).ToList();
            var objectParents = members.Where(m => m.Parent is ObjectType).GroupBy(m => m.Parent).ToList();
            if (objectParents.Count == 0)
                CheckSubgroup(abstractParents);
            foreach (var sameParent in objectParents)
                CheckSubgroup([.. abstractParents, .. sameParent]);
        }
    }

    private void CheckSubgroup(List<FieldEntry> members)
    {
        var first = members[0];
        foreach (var other in members.Skip(1))
        {
            if (other.Node.Name != first.Node.Name)
                Conflict(first, other, $"\"{first.Node.Name}\" and \"{other.Node.Name}\" are different fields");
            else if (ArgumentKey(other.Node) != ArgumentKey(first.Node))
                Conflict(first, other, "they have differing arguments");
        }

        var children = members.Where(f => f.Node.SelectionSet is not null && f.Definition is not null)
            .Select(f => (f.Definition!.Type.Named, f.Node.SelectionSet!))
            .ToList();
        if (children.Count > 0)
            CheckMergeable(Expand(children));
    }

    private void Conflict(FieldEntry first, FieldEntry other, string reason)
    {
        if (!_reported.Add(other.Node))
            return;
        context.Report(
            $"Fields \"{first.Node.ResponseName}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.",
            first.Node.Location, other.Node.Location);
    }

    private static bool SameShape(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => SameShape(x.OfType, y.OfType),
        (NonNullType, _) or (_, NonNullType) => false,
        (ListType x, ListType y) => SameShape(x.OfType, y.OfType),
        (ListType, _) or (_, ListType) => false,
        (NamedType x, NamedType y) when x.IsLeaf || y.IsLeaf => x == y,
        _ => true,
    };

    private static string ArgumentKey(FieldNode field) => string.Join(
        ",", field.Arguments.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name + ":" + ValuePrinter.Print(a.Value)));

    private List<FieldEntry> Expand(IEnumerable<(NamedType Parent, SelectionSetNode Set)> selectionSets)
    {
        var fields = new List<FieldEntry>();
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(NamedType Parent, SelectionSetNode Set)>(selectionSets);
        while (pending.TryDequeue(out var current))
        {
            foreach (var selection in current.Set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        fields.Add(new FieldEntry(current.Parent, field, context.Schema.FindField(current.Parent, field.Name)));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? current.Parent : context.Schema.FindType(inline.TypeCondition.Name);
                        if (inlineType is not null)
                            pending.Enqueue((inlineType, inline.SelectionSet));
                        break;
                    case FragmentSpreadNode spread when visitedFragments.Add(spread.Name) &&
                                                        context.Fragments.TryGetValue(spread.Name, out var fragment) &&
                                                        context.Schema.FindType(fragment.TypeCondition.Name) is { } fragmentType:
                        pending.Enqueue((fragmentType, fragment.SelectionSet));
                        break;
                }
            }
        }

        return fields;
    }

    private sealed record FieldEntry(NamedType Parent, FieldNode Node, FieldDefinition? Definition);
}
