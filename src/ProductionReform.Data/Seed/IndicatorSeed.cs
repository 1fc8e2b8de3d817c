using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

/// <summary>One figure: the indicator (code, name, unit) and one value of it. Several rows may share an indicator code.</summary>
public sealed record IndicatorSeed(string Code, string Name, string? NameEn, string Unit, decimal Value,
    ValueQualifier Qualifier, DateOnly? PeriodStart, DateOnly? PeriodEnd, bool IsYearToDate, DateOnly? AsOf,
    [property: JsonPropertyName("region")] string? RegionName, IReadOnlyList<string> Citations) : ICitedSeed;
