using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record SourceSeed(string Code, string Title, string? Publisher, string? Author, DateOnly? PublishedOn,
    int? PublishedYear, SourceKind Kind, string? Url);
