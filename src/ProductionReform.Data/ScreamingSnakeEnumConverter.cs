using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProductionReform.Data;

/// <summary>Stores an enum as its public name: <c>SpecialGrade</c> becomes <c>SPECIAL_GRADE</c>.</summary>
public sealed class ScreamingSnakeEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => Names.ToText[value],
    text => Names.FromText[text])
    where TEnum : struct, Enum
{
    private static class Names
    {
        public static readonly Dictionary<TEnum, string> ToText =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => EnumNames.ToScreamingSnake(v.ToString()));
        public static readonly Dictionary<string, TEnum> FromText = ToText.ToDictionary(p => p.Value, p => p.Key);
    }
}
