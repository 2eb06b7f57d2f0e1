using System.Text;

namespace Magma.GraphQL.Execution.Clr;

// Maps between C# PascalCase names and GraphQL snake_case, camelCase and UPPER_SNAKE_CASE names.
internal static class NameConventions
{
    // `WaitingForSellerApproval` → `WAITING_FOR_SELLER_APPROVAL`; `HTTPServer` → `HTTP_SERVER`.
    public static string ToUpperSnakeCase(string pascal) => ToSnakeCase(pascal).ToUpperInvariant();

    // `CreatedAt` → `created_at`.
    public static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && pascal[i - 1] != '_' &&
                (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Whether a GraphQL name (any casing convention) and a C# member name denote the same thing.
    public static bool Matches(string graphQLName, string clrName)
    {
        int g = 0, c = 0;
        while (true)
        {
            while (g < graphQLName.Length && graphQLName[g] == '_')
                g++;
            while (c < clrName.Length && clrName[c] == '_')
                c++;
            if (g == graphQLName.Length || c == clrName.Length)
                return g == graphQLName.Length && c == clrName.Length;
            if (char.ToLowerInvariant(graphQLName[g]) != char.ToLowerInvariant(clrName[c]))
                return false;
            g++;
            c++;
        }
    }
}
