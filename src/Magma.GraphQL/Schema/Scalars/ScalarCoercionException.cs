namespace Magma.GraphQL.Schema.Scalars;

/// <summary>Thrown by a <see cref="ScalarDefinition"/> for a value it cannot represent; the message is shown to clients.</summary>
public sealed class ScalarCoercionException(string message) : Exception(message);
