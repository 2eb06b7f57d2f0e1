using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.4.1: arguments are defined by the field or directive they are passed to.
internal sealed class KnownArgumentNamesRule : ValidationRule
{
    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        if (context.ArgumentDefinitions is not { } definitions)
            return;
        foreach (var argument in arguments)
        {
            if (definitions.Any(d => d.Name == argument.Name))
                continue;
            var target = owner is DirectiveNode directive
                ? $"directive \"@{directive.Name}\""
                : $"field \"{context.ParentType?.Name}.{((FieldNode)owner).Name}\"";
            context.Report($"Unknown argument \"{argument.Name}\" on {target}.", argument.Location);
        }
    }
}
