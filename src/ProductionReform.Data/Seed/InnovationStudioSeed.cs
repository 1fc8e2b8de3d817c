using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record InnovationStudioSeed(string Name, string? NameEn, StudioKind Kind,
    [property: JsonPropertyName("hostEnterprise")] string? HostEnterpriseName,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("inspiredBy")] string? InspiredByName,
    DateOnly? FoundedOn, string? Description, IReadOnlyList<string> Citations, string? DescriptionEn = null) : ICitedSeed;
