using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record EnterpriseSeed(string Name, string? NameEn, string? CreditCode,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("region")] string? RegionName,
    ConstructionQualification? ConstructionQualification, int? EmployeeCount, bool? IsBackbone, bool IsSample,
    string? Description, string? DescriptionEn, IReadOnlyList<string> Citations) : ICitedSeed;
