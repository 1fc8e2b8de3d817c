using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record SkillStandardSeed(string Title, string? TitleEn, string IssuerName,
    [property: JsonPropertyName("issuerEnterprise")] string? IssuerEnterpriseName,
    [property: JsonPropertyName("issuerRegion")] string? IssuerRegionName,
    [property: JsonPropertyName("producedByStudio")] string? ProducedByStudioName,
    EvaluationChannel? Channel,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    List<SkillLevel> Levels, int? PostCount, DateOnly? PublishedOn, IReadOnlyList<string> Citations) : ICitedSeed;
