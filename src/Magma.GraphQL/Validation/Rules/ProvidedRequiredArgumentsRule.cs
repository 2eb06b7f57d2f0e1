using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.4.2.1: non-null arguments without a default are provided.
internal sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        if (context.ArgumentDefinitions is not { } definitions)
            return;
        foreach (var definition in definitions)
        {
            if (!definition.IsRequired || arguments.Any(a => a.Name == definition.Name))
                continue;
            var message = owner is DirectiveNode directive
                ? $"Directive \"@{directive.Name}\" argument \"{definition.Name}\" of type \"{definition.Type}\" is required, but it was not provided."
                : $"Field \"{((FieldNode)owner).Name}\" argument \"{definition.Name}\" of type \"{definition.Type}\" is required, but it was not provided.";
            context.Report(message, owner.Location);
        }
    }
}
