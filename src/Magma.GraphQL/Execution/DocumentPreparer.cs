using Magma.GraphQL.Language;
using Magma.GraphQL.Limits;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Validation;

namespace Magma.GraphQL.Execution;

// Parse, check limits, validate: everything about a query text that does not depend on variables.
internal sealed class DocumentPreparer(GraphQLSchema schema, GraphQLOptions options)
{
    private readonly int _maxNesting = Math.Max(Parser.DefaultMaxNestingDepth, options.MaxDepth + 8);

    public PreparedDocument Prepare(string query)
    {
        Language.Ast.DocumentNode document;
        try
        {
            document = Parser.Parse(query, _maxNesting);
        }
        catch (GraphQLSyntaxException error)
        {
            return PreparedDocument.Invalid(null, [new GraphQLError(error.Message, ErrorCodes.ParseFailed, [error.Location])]);
        }

        var limitErrors = DocumentLimits.Check(document, options);
        if (limitErrors.Count > 0)
            return PreparedDocument.Invalid(document, limitErrors);

        var validationErrors = DocumentValidator.Validate(schema, document);
        return validationErrors.Count > 0
            ? PreparedDocument.Invalid(document, validationErrors)
            : PreparedDocument.Valid(document);
    }
}
