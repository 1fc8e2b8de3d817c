using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record PilotProgramSeed(string Code, string Name, string? NameEn,
    [property: JsonPropertyName("industry")] string? IndustryCode, ProgramLevel Level, int TargetCount,
    DateOnly? LaunchedOn, IReadOnlyList<string> Citations) : ICitedSeed;
