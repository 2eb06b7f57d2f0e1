using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Execution;

// Evaluates `@skip(if:)` and `@include(if:)`.
internal static class DirectiveConditions
{
    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            if (directive.Name == "skip" && Condition(directive, variables))
                return false;
            if (directive.Name == "include" && !Condition(directive, variables))
                return false;
        }

        return true;
    }

    // Whether any @skip/@include in the document depends on a variable, which makes plans request-specific.
    public static bool DependOnVariables(DocumentNode document) =>
        document.Definitions.Any(d => d switch
        {
            OperationDefinitionNode operation => Any(operation.SelectionSet),
            FragmentDefinitionNode fragment => Any(fragment.SelectionSet),
            _ => false,
        });

    private static bool Condition(DirectiveNode directive, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name != "if")
                continue;
            return argument.Value switch
            {
                BooleanValueNode literal => literal.Value,
                VariableNode variable => variables.GetValueOrDefault(variable.Name) is true,
                _ => false,
            };
        }

        return false;
    }

    private static bool Any(SelectionSetNode selectionSet)
    {
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.TryPop(out var current))
        {
            foreach (var selection in current.Selections)
            {
                if (selection.Directives.Any(d => d.Name is "skip" or "include" && d.Arguments.Any(a => a.Value is VariableNode)))
                    return true;
                var child = selection switch
                {
                    FieldNode field => field.SelectionSet,
                    InlineFragmentNode inline => inline.SelectionSet,
                    _ => null,
                };
                if (child is not null)
                    pending.Push(child);
            }
        }

        return false;
    }
}
