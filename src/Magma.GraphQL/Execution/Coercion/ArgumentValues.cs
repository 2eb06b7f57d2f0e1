using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution.Coercion;

// The spec's CoerceArgumentValues(): literals and variables to a dictionary keyed by argument name.
internal static class ArgumentValues
{
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    // Returns the coerced arguments, or null with error set.
    public static IReadOnlyDictionary<string, object?>? Coerce(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        IReadOnlyDictionary<string, object?> variables,
        out string? error)
    {
        error = null;
        if (definitions.Count == 0)
            return None;

        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var node = Find(nodes, definition.Name);
            var variable = node?.Value as VariableNode;
            var hasValue = node is not null && (variable is null || variables.ContainsKey(variable.Name));
            if (!hasValue)
            {
                if (definition.HasDefault)
                    result[definition.Name] = definition.DefaultValue;
                else if (definition.Type.IsNonNull)
                {
                    error = variable is null
                        ? $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided."
                        : $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was provided the variable \"${variable.Name}\" which was not provided a runtime value.";
                    return null;
                }

                continue;
            }

            if (!LiteralCoercer.TryCoerce(node!.Value, definition.Type, variables, out var value))
            {
                error = variable is not null
                    ? $"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null."
                    : $"Argument \"{definition.Name}\" has invalid value {ValuePrinter.Print(node.Value)}.";
                return null;
            }

            result[definition.Name] = value;
        }

        return result;
    }

    public static bool UseVariables(IReadOnlyList<ArgumentNode> nodes) => nodes.Any(n => ContainsVariable(n.Value));

    private static bool ContainsVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ContainsVariable),
        ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
        _ => false,
    };

    private static ArgumentNode? Find(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        foreach (var node in nodes)
        {
            if (node.Name == name)
                return node;
        }

        return null;
    }
}
