using System.Text.Json;

namespace ProductionReform.Domain;

/// <summary>
/// What text the registry can store: PostgreSQL's <c>text</c> holds any Unicode character except NUL (U+0000), and
/// UTF-8 cannot encode an unpaired UTF-16 surrogate. Both are refused at every entry point with
/// <see cref="Code"/>; every other character, control characters (tab, line breaks, U+0001–U+001F) included,
/// is stored as given.
/// </summary>
public static class StorableText
{
    /// <summary>The <c>extensions.code</c> of text refused by this rule.</summary>
    public const string Code = "INVALID_TEXT";

    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOf('\0') < 0 && span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return null;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\0')
                return $"contains a NUL character (U+0000) at position {i + 1}, which cannot be stored; remove it.";
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"contains an unpaired surrogate (U+{(int)c:X4}) at position {i + 1}, which is not a character; "
                       + "send valid UTF-16/UTF-8 text.";
        }
        return null;
    }

    /// <summary>The text as it can be shown back (in an error): NUL as ␀ (U+2400), unpaired surrogates as U+FFFD.</summary>
    public static string Displayable(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\0') chars[i] = '\u2400';
            else if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>
    /// The path (<c>a.b[2]</c>) of the first string or property name in <paramref name="element"/> that cannot be
    /// read as text at all — a <c>\uD800</c> escape without its pair — and why; null when every string decodes.
    /// Decoded strings are judged by <see cref="Problem"/> where they are used.
    /// </summary>
    public static (string Path, string Reason)? FindUndecodable(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element) ? null : (path, UndecodableReason);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (path, "has a property name that " + UndecodableReason);
                    }
                    if (FindUndecodable(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUndecodable(item, $"{path}[{index++}]") is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    private const string UndecodableReason =
        "contains an unpaired surrogate escape (\\uD800–\\uDFFF without its pair), which is not a character";

    private static bool Decodes(JsonElement element)
    {
        try
        {
            element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
