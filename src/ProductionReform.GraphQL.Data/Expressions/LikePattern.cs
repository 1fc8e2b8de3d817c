namespace ProductionReform.GraphQL.Data.Expressions;

/// <summary>Text a user typed, made safe for a LIKE/ILIKE pattern with <c>ESCAPE '\'</c>.</summary>
public static class LikePattern
{
    /// <summary>LIKE treats <c>%</c>, <c>_</c> and <c>\</c> as special; escaped, they match themselves.</summary>
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
