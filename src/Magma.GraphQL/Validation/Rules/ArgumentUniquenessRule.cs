using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.4.2: an argument is given at most once.
internal sealed class ArgumentUniquenessRule : ValidationRule
{
    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        if (arguments.Count < 2)
            return;
        foreach (var group in arguments.GroupBy(a => a.Name).Where(g => g.Count() > 1))
            context.Report($"There can be only one argument named \"{group.Key}\".", group.Select(a => a.Location).ToArray());
    }
}
