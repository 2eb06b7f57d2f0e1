using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation;

// One validation rule of spec §5. The walker calls the hooks in document order while tracking types in the
// ValidationContext; rules that need whole-document knowledge act in LeaveDocument.
internal abstract class ValidationRule
{
    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode operation) { }

    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode operation) { }

    public virtual void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode fragment) { }

    public virtual void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode variable) { }

    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode selectionSet) { }

    public virtual void EnterField(ValidationContext context, FieldNode field) { }

    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment) { }

    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread) { }

    // Called with every directive list and the location name it stands at (e.g. `FIELD`).
    public virtual void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location) { }

    // Called for every argument list; owner is the field or directive node they belong to.
    public virtual void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner) { }

    public virtual void LeaveDocument(ValidationContext context) { }
}
