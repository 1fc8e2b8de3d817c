using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record ReformMeasureSeed(string Code,
    [property: JsonPropertyName("document")] string? DocumentTitle,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    int? Ordinal, string Title, string? TitleEn, string? Description, IReadOnlyList<string> Citations) : ICitedSeed;
