using System.Security.Cryptography;

namespace Magma.Lightning.Bolt11;

/// <summary>Checks a description obtained out of band against what the invoice commits to.</summary>
public static class Bolt11DescriptionCommitment
{
    /// <summary>
    /// True when the invoice's <c>d</c> field equals <paramref name="description"/>, or its <c>h</c> field is
    /// SHA256 of the description's UTF-8 bytes (the spec requires payers to check this for <c>h</c>).
    /// </summary>
    public static bool CommitsTo(this Bolt11Invoice invoice, string description)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(description);
        if (invoice.Description is not null)
            return invoice.Description == description;
        if (invoice.DescriptionHash is null)
            return false;
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(description));
        return Convert.ToHexStringLower(hash) == invoice.DescriptionHash;
    }
}
