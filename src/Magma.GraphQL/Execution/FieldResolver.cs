namespace Magma.GraphQL.Execution;

/// <summary>Produces a field's value; may return a Task/ValueTask result, an enumerable, or any object.</summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);
