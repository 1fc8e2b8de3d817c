using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record RegionSeed(string? Code, string Name, string? NameEn, RegionKind Kind,
    [property: JsonPropertyName("parent")] string? ParentName, IReadOnlyList<string> Citations,
    string? Description = null, string? DescriptionEn = null) : ICitedSeed;
