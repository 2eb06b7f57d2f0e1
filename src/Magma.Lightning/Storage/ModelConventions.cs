using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Magma.Lightning.Storage;

/// <summary>Conventions every Magma EF model shares so the hand-written SQL and the model agree.</summary>
public static class ModelConventions
{
    private static readonly ValueConverter<DateTime, DateTime> Utc =
        new(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>snake_case column names, enums stored as their names, DateTime always UTC.</summary>
    public static void ApplyMagmaConventions(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTime))
                    property.SetValueConverter(Utc);
                else if (type.IsEnum)
                    property.SetValueConverter(typeof(EnumToStringConverter<>).MakeGenericType(type).GetConstructor([typeof(ConverterMappingHints)])!.Invoke([null]) as ValueConverter);
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
