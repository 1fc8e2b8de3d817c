using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record TrainingProgramSeed(string Name, string? NameEn, TrainingProgramKind Kind,
    [property: JsonPropertyName("enterprise")] string? EnterpriseName,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    string? Description, IReadOnlyList<string> Citations) : ICitedSeed;
