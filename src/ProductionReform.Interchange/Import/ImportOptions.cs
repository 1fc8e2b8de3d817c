namespace ProductionReform.Interchange.Import;

public sealed class ImportOptions
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;
    public const int DefaultMaxRows = 200_000;

    /// <summary>Largest request body, in bytes (<c>Import:MaxBytes</c>).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Most data rows in one file (<c>Import:MaxRows</c>).</summary>
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>Most problems reported; the rest are only counted.</summary>
    public int MaxProblems { get; set; } = 1000;

    /// <summary>Rows written per SaveChanges inside the import's one transaction.</summary>
    public int BatchSize { get; set; } = 1000;
}
