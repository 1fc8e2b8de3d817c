using System.Text.Json.Serialization;

namespace ProductionReform.Data.Seed;

public sealed record PracticeCaseSeed(string Title, string? TitleEn,
    [property: JsonPropertyName("enterprise")] string? EnterpriseName,
    string? Summary, string? Recognition, IReadOnlyList<string> Citations) : ICitedSeed;
