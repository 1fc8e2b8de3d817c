using System.Text.Json.Serialization;

namespace ProductionReform.Data.Seed;

public sealed record ReformMeasureSeed(string Code,
    [property: JsonPropertyName("document")] string? DocumentTitle,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    int? Ordinal, string Title, string? TitleEn, string? Description, IReadOnlyList<string> Citations) : ICitedSeed;
