using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.7.3: a non-repeatable directive appears at most once per location.
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location)
    {
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (context.Schema.FindDirective(directive.Name) is not { IsRepeatable: false })
                continue;
            if (seen.TryGetValue(directive.Name, out var first))
                context.Report($"The directive \"@{directive.Name}\" can only be used once at this location.", first.Location, directive.Location);
            else
                seen[directive.Name] = directive;
        }
    }
}
