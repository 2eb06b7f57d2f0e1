using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.1.1: a request document holds only operations and fragments.
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var definition in context.Document.Definitions)
        {
            var name = definition switch
            {
                TypeDefinitionNode type => type.Name,
                DirectiveDefinitionNode directive => "@" + directive.Name,
                SchemaDefinitionNode schema => schema.IsExtension ? "schema extension" : "schema",
                _ => null,
            };
            if (name is not null)
                context.Report($"The \"{name}\" definition is not executable.", definition.Location);
        }
    }
}
