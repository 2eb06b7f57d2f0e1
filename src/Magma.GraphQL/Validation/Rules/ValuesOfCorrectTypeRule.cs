using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Validation.Rules;

// §5.6.1–5.6.4: literals fit their expected input types; input object fields exist, are unique, and required
// ones are present. Variables are left to the variable rules.
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        if (context.ArgumentDefinitions is not { } definitions)
            return;
        foreach (var argument in arguments)
        {
            if (definitions.FirstOrDefault(d => d.Name == argument.Name) is { } definition)
                Check(context, argument.Value, definition.Type);
        }
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode variable)
    {
        if (variable.DefaultValue is not null && TypeFromAst.Resolve(context.Schema, variable.Type) is { Named.IsInputType: true } type)
            Check(context, variable.DefaultValue, type);
    }

    private static void Check(ValidationContext context, ValueNode value, GraphQLType type)
    {
        if (value is VariableNode)
            return;
        switch (type)
        {
            case NonNullType when value is NullValueNode:
                context.Report($"Expected value of type \"{type}\", found null.", value.Location);
                return;
            case NonNullType nonNull:
                Check(context, value, nonNull.OfType);
                return;
            case var _ when value is NullValueNode:
                return;
            case ListType list when value is ListValueNode items:
                foreach (var item in items.Values)
                    Check(context, item, list.OfType);
                return;
            case ListType list:
                Check(context, value, list.OfType);
                return;
            case InputObjectType input:
                CheckObject(context, value, input);
                return;
            case EnumType enumType:
                CheckEnum(context, value, enumType);
                return;
            case ScalarType scalar:
                CheckScalar(context, value, scalar);
                return;
        }
    }

    private static void CheckObject(ValidationContext context, ValueNode value, InputObjectType input)
    {
        if (value is not ObjectValueNode obj)
        {
            context.Report($"Expected value of type \"{input.Name}\", found {ValuePrinter.Print(value)}.", value.Location);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            if (!seen.Add(field.Name))
                context.Report($"There can be only one input field named \"{field.Name}\".", field.Location);
            else if (input.FindField(field.Name) is { } definition)
                Check(context, field.Value, definition.Type);
            else
                context.Report($"Field \"{field.Name}\" is not defined by type \"{input.Name}\".", field.Location);
        }

        foreach (var required in input.Fields.Where(f => f.IsRequired && !seen.Contains(f.Name)))
            context.Report($"Field \"{input.Name}.{required.Name}\" of required type \"{required.Type}\" was not provided.", value.Location);
    }

    private static void CheckEnum(ValidationContext context, ValueNode value, EnumType enumType)
    {
        if (value is not EnumValueNode name)
            context.Report($"Enum \"{enumType.Name}\" cannot represent non-enum value: {ValuePrinter.Print(value)}.", value.Location);
        else if (enumType.FindValue(name.Value) is null)
            context.Report($"Value \"{name.Value}\" does not exist in \"{enumType.Name}\" enum.", value.Location);
    }

    private static void CheckScalar(ValidationContext context, ValueNode value, ScalarType scalar)
    {
        if (ContainsVariable(value))
            return;
        try
        {
            scalar.Definition.ParseLiteral(value, NoVariables);
        }
        catch (ScalarCoercionException error)
        {
            context.Report(error.Message, value.Location);
        }
        catch (Exception)
        {
            context.Report($"Expected value of type \"{scalar.Name}\", found {ValuePrinter.Print(value)}.", value.Location);
        }
    }

    private static bool ContainsVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ContainsVariable),
        ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
        _ => false,
    };
}
