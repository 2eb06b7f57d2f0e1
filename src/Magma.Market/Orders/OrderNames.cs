using System.Text;

namespace Magma.Market.Orders;

/// <summary>Enum values as Magma's API spells them: WaitingForSellerApproval → WAITING_FOR_SELLER_APPROVAL.</summary>
public static class OrderNames
{
    public static string Of<T>(T value) where T : struct, Enum => Of((Enum)value);

    public static string Of(Enum value)
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                builder.Append('_');
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return builder.ToString();
    }
}
