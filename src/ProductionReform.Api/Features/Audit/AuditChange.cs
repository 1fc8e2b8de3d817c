using System.Text.Json;

namespace ProductionReform.Api.Features.Audit;

/// <summary>One field a write changed: its value before and after, as JSON text (strings unquoted).</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    /// <summary>The changes of an audit event's JSON, <c>{"field": {"before": …, "after": …}}</c>.</summary>
    public static List<AuditChange> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => new AuditChange(p.Name, Text(p.Value, "before"), Text(p.Value, "after")))
            .ToList();
    }

    private static string? Text(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        } : null;
}
