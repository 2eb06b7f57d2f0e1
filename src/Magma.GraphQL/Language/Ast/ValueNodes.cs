namespace Magma.GraphQL.Language.Ast;

/// <summary>A literal or variable written in a document.</summary>
public abstract class ValueNode(Location location) : SyntaxNode(location);

/// <summary><c>$name</c>.</summary>
public sealed class VariableNode(Location location, string name) : ValueNode(location)
{
    /// <summary>The variable name without the dollar sign.</summary>
    public string Name { get; } = name;
}

/// <summary>An integer literal, kept as written so range checks happen during coercion.</summary>
public sealed class IntValueNode(Location location, string value) : ValueNode(location)
{
    /// <summary>The literal digits.</summary>
    public string Value { get; } = value;
}

/// <summary>A float literal, kept as written.</summary>
public sealed class FloatValueNode(Location location, string value) : ValueNode(location)
{
    /// <summary>The literal text.</summary>
    public string Value { get; } = value;
}

/// <summary>A string or block string literal, already unescaped.</summary>
public sealed class StringValueNode(Location location, string value, bool isBlock) : ValueNode(location)
{
    /// <summary>The decoded string.</summary>
    public string Value { get; } = value;

    /// <summary>Whether it was written as a <c>"""</c> block string.</summary>
    public bool IsBlock { get; } = isBlock;
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode(Location location, bool value) : ValueNode(location)
{
    /// <summary>The boolean value.</summary>
    public bool Value { get; } = value;
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode(Location location) : ValueNode(location);

/// <summary>An enum value name.</summary>
public sealed class EnumValueNode(Location location, string value) : ValueNode(location)
{
    /// <summary>The enum value name.</summary>
    public string Value { get; } = value;
}

/// <summary><c>[a, b]</c>.</summary>
public sealed class ListValueNode(Location location, IReadOnlyList<ValueNode> values) : ValueNode(location)
{
    /// <summary>The items.</summary>
    public IReadOnlyList<ValueNode> Values { get; } = values;
}

/// <summary><c>{ name: value }</c>.</summary>
public sealed class ObjectValueNode(Location location, IReadOnlyList<ObjectFieldNode> fields) : ValueNode(location)
{
    /// <summary>The fields in written order.</summary>
    public IReadOnlyList<ObjectFieldNode> Fields { get; } = fields;
}

/// <summary>One <c>name: value</c> pair of an object literal.</summary>
public sealed class ObjectFieldNode(Location location, string name, ValueNode value) : SyntaxNode(location)
{
    /// <summary>The field name.</summary>
    public string Name { get; } = name;

    /// <summary>The field value.</summary>
    public ValueNode Value { get; } = value;
}
