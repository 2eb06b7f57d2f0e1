using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Building;

// The directives every schema has (spec §3.13).
internal static class BuiltInSdl
{
    public static readonly IReadOnlySet<string> DirectiveNames = new HashSet<string> { "skip", "include", "deprecated", "specifiedBy" };

    public static readonly IReadOnlySet<string> StandardScalars = new HashSet<string> { "Int", "Float", "String", "Boolean", "ID" };

    public const string DefaultDeprecationReason = "No longer supported";

    public static DocumentNode Document { get; } = Parser.Parse(
        """
        "Directs the executor to skip this field or fragment when the `if` argument is true."
        directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Directs the executor to include this field or fragment only when the `if` argument is true."
        directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Marks an element of a GraphQL schema as no longer supported."
        directive @deprecated(
          "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
          reason: String = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

        "Exposes a URL that specifies the behavior of this scalar."
        directive @specifiedBy("The URL that specifies the behavior of this scalar." url: String!) on SCALAR
        """);
}
