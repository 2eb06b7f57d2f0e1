namespace Magma.GraphQL.Language;

// The spec's BlockStringValue(): strips the common indentation and blank leading/trailing lines.
internal static class BlockStringValue
{
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        var commonIndent = int.MaxValue;
        for (var i = 1; i < lines.Count; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && indent < commonIndent)
                commonIndent = indent;
        }

        if (commonIndent != int.MaxValue)
        {
            for (var i = 1; i < lines.Count; i++)
                lines[i] = lines[i].Length <= commonIndent ? "" : lines[i][commonIndent..];
        }

        var first = 0;
        while (first < lines.Count && IsBlank(lines[first]))
            first++;
        var last = lines.Count - 1;
        while (last >= first && IsBlank(lines[last]))
            last--;
        return first > last ? "" : string.Join('\n', lines.GetRange(first, last - first + 1));
    }

    private static List<string> SplitLines(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is not ('\n' or '\r'))
                continue;
            lines.Add(raw[start..i]);
            if (raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        lines.Add(raw[start..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var count = 0;
        while (count < line.Length && line[count] is ' ' or '\t')
            count++;
        return count;
    }

    private static bool IsBlank(string line) => LeadingWhitespace(line) == line.Length;
}
