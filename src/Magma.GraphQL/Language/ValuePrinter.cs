using System.Globalization;
using System.Text;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

/// <summary>Prints literals back as GraphQL source, as used in messages, introspection and the schema printer.</summary>
public static class ValuePrinter
{
    /// <summary>Prints <paramref name="value"/> on one line, e.g. <c>{ a: [1, "x"] }</c>.</summary>
    public static string Print(ValueNode value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>Prints <paramref name="value"/> as a quoted GraphQL string with escapes.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendString(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                builder.Append('$').Append(variable.Name);
                break;
            case IntValueNode integer:
                builder.Append(integer.Value);
                break;
            case FloatValueNode number:
                builder.Append(number.Value);
                break;
            case StringValueNode text:
                AppendString(builder, text.Value);
                break;
            case BooleanValueNode boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case NullValueNode:
                builder.Append("null");
                break;
            case EnumValueNode enumValue:
                builder.Append(enumValue.Value);
                break;
            case ListValueNode list:
                builder.Append('[');
                for (var i = 0; i < list.Values.Count; i++)
                {
                    if (i > 0)
                        builder.Append(", ");
                    Append(builder, list.Values[i]);
                }
                builder.Append(']');
                break;
            case ObjectValueNode obj:
                AppendObject(builder, obj);
                break;
        }
    }

    private static void AppendObject(StringBuilder builder, ObjectValueNode obj)
    {
        if (obj.Fields.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{ ");
        for (var i = 0; i < obj.Fields.Count; i++)
        {
            if (i > 0)
                builder.Append(", ");
            builder.Append(obj.Fields[i].Name).Append(": ");
            Append(builder, obj.Fields[i].Value);
        }
        builder.Append(" }");
    }

    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\u007f':
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }
}
