namespace Magma.GraphQL.Schema.Building;

// The type-system rules of spec §3 that SDL parsing alone cannot guarantee.
internal sealed class SchemaInvariants(List<string> errors)
{
    public void Check(IEnumerable<NamedType> types)
    {
        foreach (var type in types)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal))
                errors.Add($"Name \"{type.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            switch (type)
            {
                case ComplexType complex:
                    CheckFields(complex);
                    foreach (var implemented in complex.Interfaces)
                        CheckImplementation(complex, implemented);
                    break;
                case UnionType { Types.Count: 0 }:
                    errors.Add($"Union type {type.Name} must define one or more member types.");
                    break;
                case EnumType { Values.Count: 0 }:
                    errors.Add($"Enum type {type.Name} must define one or more values.");
                    break;
                case InputObjectType { Fields.Count: 0 }:
                    errors.Add($"Input Object type {type.Name} must define one or more fields.");
                    break;
            }
        }
    }

    private void CheckFields(ComplexType type)
    {
        if (type.Fields.Count == 0)
            errors.Add($"Type {type.Name} must define one or more fields.");
        foreach (var field in type.Fields.Where(f => f.Name.StartsWith("__", StringComparison.Ordinal)))
            errors.Add($"Name \"{type.Name}.{field.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        foreach (var field in type.Fields)
        {
            foreach (var argument in field.Arguments.Where(a => a.Type.IsNonNull && a.IsDeprecated && !a.HasDefault))
                errors.Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.");
        }
    }

    private void CheckImplementation(ComplexType type, InterfaceType implemented)
    {
        if (type == implemented)
        {
            errors.Add($"Type {type.Name} cannot implement itself.");
            return;
        }

        foreach (var transitive in implemented.Interfaces.Where(i => !type.Interfaces.Contains(i)))
            errors.Add($"Type {type.Name} must implement {transitive.Name} because it is implemented by {implemented.Name}.");

        foreach (var expected in implemented.Fields)
        {
            var actual = type.FindField(expected.Name);
            if (actual is null)
            {
                errors.Add($"Interface field {implemented.Name}.{expected.Name} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!TypeComparators.IsSubType(actual.Type, expected.Type))
                errors.Add($"Interface field {implemented.Name}.{expected.Name} expects type {expected.Type} but {type.Name}.{expected.Name} is type {actual.Type}.");
            CheckArguments(type, implemented, expected, actual);
        }
    }

    private void CheckArguments(ComplexType type, InterfaceType implemented, FieldDefinition expected, FieldDefinition actual)
    {
        foreach (var expectedArgument in expected.Arguments)
        {
            var actualArgument = actual.FindArgument(expectedArgument.Name);
            if (actualArgument is null)
                errors.Add($"Interface field argument {implemented.Name}.{expected.Name}({expectedArgument.Name}:) expected but {type.Name}.{expected.Name} does not provide it.");
            else if (actualArgument.Type.ToString() != expectedArgument.Type.ToString())
                errors.Add($"Interface field argument {implemented.Name}.{expected.Name}({expectedArgument.Name}:) expects type {expectedArgument.Type} but {type.Name}.{expected.Name}({expectedArgument.Name}:) is type {actualArgument.Type}.");
        }

        foreach (var extra in actual.Arguments.Where(a => a.IsRequired && expected.FindArgument(a.Name) is null))
            errors.Add($"Object field {type.Name}.{actual.Name} includes required argument {extra.Name} that is missing from the Interface field {implemented.Name}.{expected.Name}.");
    }
}
