using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Validation.Rules;

namespace Magma.GraphQL.Validation;

// Validates an executable document against a schema (spec §5), returning every error found.
internal static class DocumentValidator
{
    public static List<GraphQLError> Validate(GraphQLSchema schema, DocumentNode document)
    {
        var context = new ValidationContext(schema, document);
        new ValidationWalker(context, CreateRules()).Walk();
        return context.Errors;
    }

    // Rules keep per-run state, so each run gets fresh instances. The order is the order errors are reported in.
    private static ValidationRule[] CreateRules() =>
    [
        new ExecutableDefinitionsRule(),
        new OperationNameUniquenessRule(),
        new LoneAnonymousOperationRule(),
        new KnownOperationTypesRule(),
        new SingleRootFieldSubscriptionRule(),
        new KnownTypeNamesRule(),
        new FragmentsOnCompositeTypesRule(),
        new VariablesAreInputTypesRule(),
        new LeafFieldSelectionsRule(),
        new FieldsOnCorrectTypeRule(),
        new FragmentNameUniquenessRule(),
        new KnownFragmentNamesRule(),
        new NoUnusedFragmentsRule(),
        new PossibleFragmentSpreadsRule(),
        new NoFragmentCyclesRule(),
        new VariableUniquenessRule(),
        new NoUndefinedVariablesRule(),
        new NoUnusedVariablesRule(),
        new KnownDirectivesRule(),
        new UniqueDirectivesPerLocationRule(),
        new KnownArgumentNamesRule(),
        new ArgumentUniquenessRule(),
        new ValuesOfCorrectTypeRule(),
        new ProvidedRequiredArgumentsRule(),
        new VariablesInAllowedPositionRule(),
        new OverlappingFieldsCanBeMergedRule(),
    ];
}
