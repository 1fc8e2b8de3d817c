namespace ProductionReform.Interchange.Import;

/// <summary>One thing wrong with an import file. <see cref="Row"/> as in <see cref="ImportRecord.Row"/>; the column and value when one is at fault.</summary>
/// <summary>
/// One problem of an import file; <paramref name="Code"/> is set for problems that have a code of their own
/// (<c>INVALID_TEXT</c>).
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string? Value, string Reason, string? Code = null);

/// <summary>What an import did, or would do (<see cref="DryRun"/>), or why it did nothing (<see cref="Problems"/>).</summary>
public sealed class ImportResult
{
    public int Rows { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public bool DryRun { get; init; }

    /// <summary>The first problems, at most <see cref="ImportOptions.MaxProblems"/>; empty when the import succeeded.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>All problems found, also those left out of <see cref="Problems"/>.</summary>
    public int ProblemCount { get; init; }

    public bool Succeeded => ProblemCount == 0;
}

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

/// <summary>The file is over a size limit: <see cref="Limit"/> is the limit's name, <see cref="Measured"/> what the file has (at least).</summary>
public sealed class ImportLimitExceededException(string limit, long maximum, long measured, string message) : Exception(message)
{
    public string Limit { get; } = limit;
    public long Maximum { get; } = maximum;
    public long Measured { get; } = measured;
}
