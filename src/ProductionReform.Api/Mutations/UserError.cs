namespace ProductionReform.Api.Mutations;

/// <summary>A refused input, returned as data in a payload's <c>errors</c> (or a note in its <c>warnings</c>).</summary>
public sealed record UserError(string? Field, string Message, string Code);
