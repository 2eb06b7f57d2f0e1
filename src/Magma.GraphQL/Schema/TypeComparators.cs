namespace Magma.GraphQL.Schema;

// Type relations used by schema checks and validation.
internal static class TypeComparators
{
    // Whether a value of maybeSubType may stand where superType is expected (covariance).
    public static bool IsSubType(GraphQLType maybeSubType, GraphQLType superType) => (maybeSubType, superType) switch
    {
        (NonNullType sub, NonNullType super) => IsSubType(sub.OfType, super.OfType),
        (NonNullType sub, _) => IsSubType(sub.OfType, superType),
        (_, NonNullType) => false,
        (ListType sub, ListType super) => IsSubType(sub.OfType, super.OfType),
        (ListType, _) or (_, ListType) => false,
        (ObjectType sub, InterfaceType super) => sub.Interfaces.Contains(super),
        (InterfaceType sub, InterfaceType super) => sub == super || sub.Interfaces.Contains(super),
        (ObjectType sub, UnionType super) => super.Types.Contains(sub),
        _ => maybeSubType == superType,
    };

    // Whether the two types are the same, wrapper for wrapper.
    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => x == y,
        _ => false,
    };
}
