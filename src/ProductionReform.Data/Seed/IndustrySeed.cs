using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record IndustrySeed(string Code, string Name, string? NameEn, IndustryKind Kind,
    [property: JsonPropertyName("parent")] string? ParentCode, IReadOnlyList<string> Citations) : ICitedSeed;
