using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

// The spec's CollectFields(): groups selections by response key, honouring fragments, @skip and @include.
internal static class FieldCollector
{
    public static SelectionPlan Collect(OperationContext context, ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var fields = new Dictionary<string, PlannedField>(StringComparer.Ordinal);
        var ordered = new List<PlannedField>();
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
            CollectInto(context, type, selectionSet, fields, ordered, visitedFragments);
        return new SelectionPlan([.. ordered]);
    }

    private static void CollectInto(
        OperationContext context,
        ObjectType type,
        SelectionSetNode selectionSet,
        Dictionary<string, PlannedField> fields,
        List<PlannedField> ordered,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!DirectiveConditions.ShouldInclude(selection.Directives, context.Variables))
                continue;
            switch (selection)
            {
                case FieldNode field:
                    if (fields.TryGetValue(field.ResponseName, out var existing))
                        existing.Nodes.Add(field);
                    else if (context.Schema.FindField(type, field.Name) is { } definition)
                        ordered.Add(fields[field.ResponseName] = new PlannedField(field.ResponseName, type, definition, field));
                    break;
                case FragmentSpreadNode spread:
                    if (!visitedFragments.Add(spread.Name) ||
                        !context.Document.Fragments.TryGetValue(spread.Name, out var fragment) ||
                        !Applies(context.Schema, fragment.TypeCondition, type))
                    {
                        continue;
                    }

                    CollectInto(context, type, fragment.SelectionSet, fields, ordered, visitedFragments);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(context.Schema, inline.TypeCondition, type))
                        CollectInto(context, type, inline.SelectionSet, fields, ordered, visitedFragments);
                    break;
            }
        }
    }

    private static bool Applies(GraphQLSchema schema, NamedTypeNode condition, ObjectType type) =>
        schema.FindType(condition.Name) is { } conditionType && schema.IsPossibleType(conditionType, type);
}
