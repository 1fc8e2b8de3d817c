namespace ProductionReform.Api.Features.Audit;

/// <summary>One field a write changed: its value before and after, as JSON text (strings unquoted).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);
