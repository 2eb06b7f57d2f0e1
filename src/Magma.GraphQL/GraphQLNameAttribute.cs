namespace Magma.GraphQL;

/// <summary>
/// Names the GraphQL field a CLR property maps to when the default snake_case ↔ PascalCase rule does not fit,
/// or the GraphQL type a CLR class represents when resolving interfaces and unions.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = true)]
public sealed class GraphQLNameAttribute(string name) : Attribute
{
    /// <summary>The GraphQL name.</summary>
    public string Name { get; } = name;
}
