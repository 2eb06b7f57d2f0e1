using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.3.3: leaf fields have no selection set; object, interface and union fields require one.
internal sealed class LeafFieldSelectionsRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode field)
    {
        if (context.FieldDefinition is not { } definition)
            return;
        var type = definition.Type;
        if (type.Named.IsLeaf && field.SelectionSet is not null)
            context.Report($"Field \"{field.Name}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet.Location);
        else if (!type.Named.IsLeaf && field.SelectionSet is null)
            context.Report($"Field \"{field.Name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field.Name} {{ ... }}\"?", field.Location);
    }
}
