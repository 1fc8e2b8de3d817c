using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record PracticeCaseSeed(string Title, string? TitleEn,
    [property: JsonPropertyName("enterprise")] string? EnterpriseName,
    string? Summary, string? Recognition, IReadOnlyList<string> Citations) : ICitedSeed;
