using Magma.GraphQL.Execution;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Limits;

// Rejects documents whose depth, alias count or field count — measured as if every fragment were expanded —
// exceed the configured limits. Runs before validation so a hostile document never reaches the costlier rules.
internal static class DocumentLimits
{
    public static List<GraphQLError> Check(DocumentNode document, GraphQLOptions options)
    {
        var errors = new List<GraphQLError>();
        var measurer = new SelectionMeasurer(document);
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            var size = measurer.Measure(operation.SelectionSet);
            var name = operation.Name is null ? "The operation" : $"Operation \"{operation.Name}\"";
            if (measurer.FragmentNestingExceeded)
                Add($"{name} nests fragments more than {SelectionMeasurer.MaxFragmentNesting} levels deep.");
            if (size.Depth > options.MaxDepth)
                Add($"{name} exceeds the maximum depth of {options.MaxDepth}.");
            if (size.Aliases > options.MaxAliases)
                Add($"{name} uses {Describe(size.Aliases)} aliases, more than the maximum of {options.MaxAliases}.");
            if (size.Fields > options.MaxFieldSelections)
                Add($"{name} selects {Describe(size.Fields)} fields once fragments are expanded, more than the maximum of {options.MaxFieldSelections}.");
            if (errors.Count > 0)
                break;

            void Add(string message) => errors.Add(new GraphQLError(message, ErrorCodes.ValidationFailed, [operation.Location]));
        }

        return errors;
    }

    private static string Describe(long count) => count >= SelectionSize.Cap ? "too many" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
