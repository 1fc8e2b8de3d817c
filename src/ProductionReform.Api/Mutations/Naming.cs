namespace ProductionReform.Api.Mutations;

/// <summary>How mutations name things: camelCase fields, "innovation studios" in messages.</summary>
internal static class Naming
{
    /// <summary>"a pilot program", "an enterprise".</summary>
    internal static string A(string typeName) => ("aeiou".Contains(Words(typeName, 1)[0]) ? "an " : "a ") + Words(typeName, 1);

    /// <summary>
    /// <c>measures</c> → <c>measure</c>, <c>industries</c> → <c>industry</c>: a list field's input is <c>measureIds</c>.
    /// </summary>
    internal static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y" : plural.EndsWith('s') ? plural[..^1] : plural;

    /// <summary><c>InnovationStudio</c>, 2 → "innovation studios"; <c>Industry</c>, 1 → "industry".</summary>
    internal static string Words(string typeName, int count)
    {
        var words = string.Concat(typeName.Select((c, i) =>
            i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        if (count == 1) return words;
        return words.EndsWith('y') ? words[..^1] + "ies" : words + "s";
    }
}
