using System.Text;

namespace ProductionReform.Data;

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
