using System.Globalization;
using System.Text;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>Opaque global ids: base64 of <c>TypeName:key</c>, as Relay's object identification asks.</summary>
public static class GlobalId
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Encode(string typeName, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static (string TypeName, int Key) Decode(string id) =>
        TryDecode(id, out var typeName, out var key)
            ? (typeName, key)
            : throw DataError.InvalidId($"'{id}' is not an id of this registry; use an `id` value the API returned.");

    /// <summary>Whether <paramref name="text"/> is a global id (it may name a type or record that does not exist).</summary>
    public static bool TryDecode(string text, out string typeName, out int key)
    {
        typeName = "";
        key = 0;
        if (text.Length < 4 || text.Length % 4 != 0) return false;
        Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length)) return false;
        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(bytes[..length]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0 || !decoded[..colon].All(char.IsAsciiLetter)) return false;
        if (!int.TryParse(decoded.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out key)) return false;
        typeName = decoded[..colon];
        return true;
    }
}
