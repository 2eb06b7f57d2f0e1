using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation.Rules;

// §5.8.2: variables are of input types (scalars, enums, input objects, and lists/non-null of those).
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode variable)
    {
        if (TypeFromAst.Resolve(context.Schema, variable.Type) is { } type && !type.Named.IsInputType)
            context.Report($"Variable \"${variable.Variable.Name}\" cannot be non-input type \"{variable.Type}\".", variable.Type.Location);
    }
}
