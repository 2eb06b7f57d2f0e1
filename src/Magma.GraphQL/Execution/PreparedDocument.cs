using System.Collections.Concurrent;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

// A parsed, limit-checked and validated document, cached by query text together with its root plans.
internal sealed class PreparedDocument
{
    private readonly ConcurrentDictionary<OperationDefinitionNode, SelectionPlan> _rootPlans = new();

    private PreparedDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
        Operations = document?.Definitions.OfType<OperationDefinitionNode>().ToList() ?? [];
        Fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var fragment in document?.Definitions.OfType<FragmentDefinitionNode>() ?? [])
            Fragments.TryAdd(fragment.Name, fragment);
        PlansDependOnVariables = document is not null && DirectiveConditions.DependOnVariables(document);
    }

    public DocumentNode? Document { get; }

    // Parse, limit or validation errors; when any, the document is never executed.
    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyList<OperationDefinitionNode> Operations { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; }

    public bool PlansDependOnVariables { get; }

    public static PreparedDocument Valid(DocumentNode document) => new(document, []);

    public static PreparedDocument Invalid(DocumentNode? document, IReadOnlyList<GraphQLError> errors) => new(document, errors);

    public SelectionPlan RootPlan(OperationContext context, ObjectType rootType)
    {
        if (PlansDependOnVariables)
            return FieldCollector.Collect(context, rootType, [context.Operation.SelectionSet]);
        return _rootPlans.GetOrAdd(context.Operation, _ => FieldCollector.Collect(context, rootType, [context.Operation.SelectionSet]));
    }
}
