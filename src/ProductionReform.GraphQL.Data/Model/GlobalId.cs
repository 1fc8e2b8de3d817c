using System.Text;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>Opaque global ids: base64 of <c>TypeName:key</c>, as Relay's object identification asks.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static (string TypeName, int Key) Decode(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var colon = text.IndexOf(':');
            if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var key))
                return (text[..colon], key);
        }
        catch (FormatException)
        {
        }
        throw DataError.InvalidId($"'{id}' is not an id of this registry; use an `id` value the API returned.");
    }
}
