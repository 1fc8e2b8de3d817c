using System.Text;
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

public static class EnumNames
{
    /// <summary><c>CountyLevelCity</c> → <c>COUNTY_LEVEL_CITY</c>, <c>Level5</c> → <c>LEVEL_5</c>.</summary>
    public static string ToScreamingSnake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var startsWord = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(pascal[i - 1])));
            if (startsWord) text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }
}
