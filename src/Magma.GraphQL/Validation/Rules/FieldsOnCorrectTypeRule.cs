using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.3.1: every selected field exists on the type it is selected on.
internal sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode field)
    {
        if (context.ParentType is { } parent && context.FieldDefinition is null)
            context.Report($"Cannot query field \"{field.Name}\" on type \"{parent.Name}\".", field.Location);
    }
}
