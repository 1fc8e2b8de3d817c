using System.Text.Json.Serialization;

namespace ProductionReform.Data.Seed;

/// <summary>A quote; <c>supports</c> names the fields it states, <c>isInference</c> marks the registry's reading of it.</summary>
public sealed record CitationSeed(string Code, [property: JsonPropertyName("source")] string SourceCode, string Quote,
    List<string> Supports, bool IsInference = false, string? Note = null);
