namespace ProductionReform.Interchange.Import;

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
