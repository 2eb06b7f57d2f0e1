using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.8.1: an operation declares each variable once.
internal sealed class VariableUniquenessRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        foreach (var group in operation.VariableDefinitions.GroupBy(v => v.Variable.Name).Where(g => g.Count() > 1))
            context.Report($"There can be only one variable named \"${group.Key}\".", group.Select(v => v.Variable.Location).ToArray());
    }
}
