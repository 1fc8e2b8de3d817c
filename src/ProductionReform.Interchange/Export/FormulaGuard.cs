using System.Globalization;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// Guard against formula (CSV) injection, the same in every file format: text that starts with <c>=</c>, <c>@</c>, a tab or
/// a CR, or with <c>+</c> or <c>-</c> without being a plain number (so -12.5 stays a number, but -1+cmd|' /C calc'!A0 does
/// not), is prefixed with a single quote <c>'</c>, which spreadsheets show as text and never evaluate.
/// </summary>
public static class FormulaGuard
{
    public const char Prefix = '\'';

    /// <summary><paramref name="value"/>, prefixed with <see cref="Prefix"/> when a spreadsheet would run it.</summary>
    public static string? Defuse(string? value) => string.IsNullOrEmpty(value) || !IsFormulaLike(value) ? value : Prefix + value;

    private static bool IsFormulaLike(string value) => value[0] switch
    {
        '=' or '@' or '\t' or '\r' => true,
        '+' or '-' => !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };
}
