using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>
/// Opaque, signed cursors: the values of a row's sort keys (the primary key last) and a fingerprint of the
/// order they belong to. A cursor used with another order, or changed by hand, is refused.
/// </summary>
internal sealed class CursorCodec(DataOptions options)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.CursorSecret);

    public string Encode(IReadOnlyList<SortKey> keys, object?[] values)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(Fingerprint(keys), values));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    public object?[] Decode(IReadOnlyList<SortKey> keys, string cursor, string argument)
    {
        try
        {
            var parts = cursor.Split('.');
            if (parts.Length != 2) throw Invalid(argument);
            var payload = Base64Url.DecodeFromChars(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), Base64Url.DecodeFromChars(parts[1]))) throw Invalid(argument);

            var decoded = JsonSerializer.Deserialize<CursorPayload<JsonElement>>(payload) ?? throw Invalid(argument);
            if (decoded.Order != Fingerprint(keys))
                throw DataError.InvalidCursor(
                    $"The cursor in '{argument}' belongs to another 'order'; page with the order it was issued for.");
            if (decoded.Values.Length != keys.Count) throw Invalid(argument);
            return keys.Select((key, i) => decoded.Values[i].ValueKind == JsonValueKind.Null
                ? null
                : decoded.Values[i].Deserialize(Nullable.GetUnderlyingType(key.Type) ?? key.Type)).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Invalid(argument);
        }
    }

    private static DataError Invalid(string argument) =>
        DataError.InvalidCursor($"'{argument}' is not a cursor of this list; use a cursor from edges.cursor or pageInfo.");

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_secret, payload)[..16];

    // The entity type is part of the fingerprint, so a cursor of one list is refused by another.
    private static string Fingerprint(IReadOnlyList<SortKey> keys) =>
        keys[0].Key.Parameters[0].Type.Name + ":" + string.Join(",", keys.Select(k => (k.Descending ? "-" : "+") + k.Path));

    private sealed record CursorPayload(string Order, object?[] Values);

    private sealed record CursorPayload<TValue>(string Order, TValue[] Values);
}
