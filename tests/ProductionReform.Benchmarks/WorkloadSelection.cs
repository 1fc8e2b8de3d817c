namespace ProductionReform.Benchmarks;

/// <summary>The workloads a run measures (<c>--workloads "flat page,nested"</c>, names as printed); all when none are named.</summary>
public sealed class WorkloadSelection
{
    private readonly HashSet<string>? _names;

    private WorkloadSelection(HashSet<string>? names) => _names = names;

    public static WorkloadSelection All { get; } = new(null);

    public static WorkloadSelection Parse(string names) => new(names
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool Includes(string workload) => _names is null || _names.Contains(workload);
}
