using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.7.1 and §5.7.2: directives are defined and used only where they are allowed.
internal sealed class KnownDirectivesRule : ValidationRule
{
    public override void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location)
    {
        foreach (var directive in directives)
        {
            var definition = context.Schema.FindDirective(directive.Name);
            if (definition is null)
                context.Report($"Unknown directive \"@{directive.Name}\".", directive.Location);
            else if (!definition.Locations.Contains(location))
                context.Report($"Directive \"@{directive.Name}\" may not be used on {location}.", directive.Location);
        }
    }
}
