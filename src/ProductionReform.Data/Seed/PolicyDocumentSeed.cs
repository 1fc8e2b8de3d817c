using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record PolicyDocumentSeed(string Title, string? TitleEn, DocumentKind Kind, string? Issuer, DateOnly? IssuedOn,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("programs")] IReadOnlyList<string> ProgramCodes,
    IReadOnlyList<string> Citations) : ICitedSeed;
