using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation;

// Walks an executable document once, tracking the parent type, field, directive and argument definitions in
// the context, recording variable usages and fragment spreads, and calling every rule's hooks.
internal sealed class ValidationWalker(ValidationContext context, IReadOnlyList<ValidationRule> rules)
{
    public void Walk()
    {
        foreach (var definition in context.Document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    WalkOperation(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragment(fragment);
                    break;
            }
        }

        context.CurrentDefinition = null;
        foreach (var rule in rules)
            rule.LeaveDocument(context);
    }

    private void WalkOperation(OperationDefinitionNode operation)
    {
        Begin(operation);
        foreach (var rule in rules)
            rule.EnterOperation(context, operation);
        foreach (var variable in operation.VariableDefinitions)
        {
            foreach (var rule in rules)
                rule.EnterVariableDefinition(context, variable);
            WalkDirectives(variable.Directives, "VARIABLE_DEFINITION");
        }

        WalkDirectives(operation.Directives, operation.Operation.ToString().ToUpperInvariant());
        WalkSelectionSet(operation.SelectionSet, context.Schema.RootType(operation.Operation));
        foreach (var rule in rules)
            rule.LeaveOperation(context, operation);
    }

    private void WalkFragment(FragmentDefinitionNode fragment)
    {
        Begin(fragment);
        foreach (var rule in rules)
            rule.EnterFragmentDefinition(context, fragment);
        WalkDirectives(fragment.Directives, "FRAGMENT_DEFINITION");
        WalkSelectionSet(fragment.SelectionSet, Composite(context.Schema.FindType(fragment.TypeCondition.Name)));
    }

    private void Begin(DefinitionNode definition)
    {
        context.CurrentDefinition = definition;
        context.Usages.TryAdd(definition, []);
        context.Spreads.TryAdd(definition, []);
    }

    private void WalkSelectionSet(SelectionSetNode selectionSet, NamedType? parentType)
    {
        context.ParentType = parentType;
        foreach (var rule in rules)
            rule.EnterSelectionSet(context, selectionSet);
        foreach (var selection in selectionSet.Selections)
        {
            context.ParentType = parentType;
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field, parentType);
                    break;
                case InlineFragmentNode inline:
                    foreach (var rule in rules)
                        rule.EnterInlineFragment(context, inline);
                    WalkDirectives(inline.Directives, "INLINE_FRAGMENT");
                    var fragmentType = inline.TypeCondition is null ? parentType : Composite(context.Schema.FindType(inline.TypeCondition.Name));
                    WalkSelectionSet(inline.SelectionSet, fragmentType);
                    break;
                case FragmentSpreadNode spread:
                    context.Spreads[context.CurrentDefinition!].Add(spread);
                    foreach (var rule in rules)
                        rule.EnterFragmentSpread(context, spread);
                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
            }
        }
    }

    private void WalkField(FieldNode field, NamedType? parentType)
    {
        var definition = parentType is null ? null : context.Schema.FindField(parentType, field.Name);
        context.FieldDefinition = definition;
        foreach (var rule in rules)
            rule.EnterField(context, field);
        WalkArguments(field.Arguments, definition?.Arguments, field);
        WalkDirectives(field.Directives, "FIELD");
        if (field.SelectionSet is not null)
            WalkSelectionSet(field.SelectionSet, Composite(definition?.Type.Named));
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        if (directives.Count == 0)
            return;
        foreach (var rule in rules)
            rule.EnterDirectives(context, directives, location);
        foreach (var directive in directives)
        {
            context.Directive = context.Schema.FindDirective(directive.Name);
            WalkArguments(directive.Arguments, context.Directive?.Arguments, directive);
            context.Directive = null;
        }
    }

    private void WalkArguments(IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<InputValueDefinition>? definitions, SyntaxNode owner)
    {
        context.ArgumentDefinitions = definitions;
        foreach (var rule in rules)
            rule.EnterArguments(context, arguments, owner);
        foreach (var argument in arguments)
        {
            var definition = definitions?.FirstOrDefault(d => d.Name == argument.Name);
            RecordUsages(argument.Value, definition?.Type, definition?.HasDefault ?? false);
        }

        context.ArgumentDefinitions = null;
    }

    private void RecordUsages(ValueNode value, GraphQLType? expected, bool positionHasDefault)
    {
        switch (value)
        {
            case VariableNode variable:
                context.Usages[context.CurrentDefinition!].Add(new VariableUsage(variable, expected, positionHasDefault));
                break;
            case ListValueNode list:
                var itemType = (expected?.Nullable as ListType)?.OfType;
                foreach (var item in list.Values)
                    RecordUsages(item, itemType, false);
                break;
            case ObjectValueNode obj:
                var inputType = expected?.Nullable as InputObjectType;
                foreach (var field in obj.Fields)
                {
                    var fieldDefinition = inputType?.FindField(field.Name);
                    RecordUsages(field.Value, fieldDefinition?.Type, fieldDefinition?.HasDefault ?? false);
                }
                break;
        }
    }

    private static NamedType? Composite(NamedType? type) => type is ComplexType or UnionType ? type : null;
}
