using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation.Rules;

// §5.8.5: a variable's type fits every position it is used in (a default may stand in for non-null).
internal sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var definitions = operation.VariableDefinitions
                .GroupBy(v => v.Variable.Name)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var usage in context.RecursiveUsages(operation))
            {
                if (usage.ExpectedType is not { } locationType ||
                    !definitions.TryGetValue(usage.Node.Name, out var definition) ||
                    TypeFromAst.Resolve(context.Schema, definition.Type) is not { } variableType)
                {
                    continue;
                }

                if (!IsAllowed(variableType, definition.DefaultValue, locationType, usage.PositionHasDefault))
                {
                    context.Report(
                        $"Variable \"${usage.Node.Name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                        definition.Location, usage.Node.Location);
                }
            }
        }
    }

    private static bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool positionHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            return (hasNonNullDefault || positionHasDefault) && TypeComparators.IsSubType(variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsSubType(variableType, locationType);
    }
}
