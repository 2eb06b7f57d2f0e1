using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation;

// Shared state of one validation run: schema, document indexes, the walker's type info, and errors.
internal sealed class ValidationContext
{
    public ValidationContext(GraphQLSchema schema, DocumentNode document)
    {
        Schema = schema;
        Document = document;
        Operations = document.Definitions.OfType<OperationDefinitionNode>().ToList();
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
            Fragments.TryAdd(fragment.Name, fragment);
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    public List<OperationDefinitionNode> Operations { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    public List<GraphQLError> Errors { get; } = [];

    // The composite type whose selection set is being walked, null when unknown.
    public NamedType? ParentType { get; set; }

    // The schema field of the field node being entered, null when unknown.
    public FieldDefinition? FieldDefinition { get; set; }

    // The directive whose arguments are being entered, null otherwise.
    public DirectiveDefinition? Directive { get; set; }

    // The argument definitions of the field or directive whose arguments are being entered.
    public IReadOnlyList<InputValueDefinition>? ArgumentDefinitions { get; set; }

    // The operation or fragment currently walked.
    public DefinitionNode? CurrentDefinition { get; set; }

    // Variable usages per operation or fragment, each with the type its position expects.
    public Dictionary<DefinitionNode, List<VariableUsage>> Usages { get; } = [];

    // Fragment spreads made directly inside each operation or fragment.
    public Dictionary<DefinitionNode, List<FragmentSpreadNode>> Spreads { get; } = [];

    // Set by the cycle rule; rules that expand fragments skip their work when it is true.
    public bool HasFragmentCycles { get; set; }

    public void Report(string message, params Location[] locations) =>
        Errors.Add(new GraphQLError(message, ErrorCodes.ValidationFailed, locations));

    // Usages in the definition and every fragment it reaches, transitively.
    public IEnumerable<VariableUsage> RecursiveUsages(DefinitionNode definition) =>
        ReachableDefinitions(definition).SelectMany(d => Usages.GetValueOrDefault(d) ?? []);

    // The definition itself and every fragment it reaches through spreads (each once).
    public List<DefinitionNode> ReachableDefinitions(DefinitionNode definition)
    {
        var reached = new List<DefinitionNode> { definition };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reached.Count; i++)
        {
            foreach (var spread in Spreads.GetValueOrDefault(reached[i]) ?? [])
            {
                if (seen.Add(spread.Name) && Fragments.TryGetValue(spread.Name, out var fragment))
                    reached.Add(fragment);
            }
        }

        return reached;
    }
}

// A variable used at a position expecting ExpectedType (null when the position is unknown).
internal sealed record VariableUsage(VariableNode Node, GraphQLType? ExpectedType, bool PositionHasDefault);
