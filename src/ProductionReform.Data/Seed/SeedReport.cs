namespace ProductionReform.Data.Seed;

/// <summary>Rows the seed inserted and updated, in all and per entity type.</summary>
public sealed record SeedReport(int Inserted, int Updated, IReadOnlyDictionary<string, (int Inserted, int Updated)> ByEntity)
{
    /// <summary>No row compared: the database records that it holds this seed (<see cref="SeedState"/>).</summary>
    public static SeedReport AlreadyApplied { get; } = new(0, 0, new Dictionary<string, (int, int)>()) { Skipped = true };

    /// <summary>True when the rows were not compared at all.</summary>
    public bool Skipped { get; private init; }

    public bool ChangedNothing => Inserted == 0 && Updated == 0;

    public override string ToString() =>
        Skipped ? "skipped: the database records this seed version"
        : $"inserted {Inserted}, updated {Updated}" +
          string.Concat(ByEntity.Where(p => p.Value != (0, 0)).Select(p => $"; {p.Key} +{p.Value.Inserted} ~{p.Value.Updated}"));
}
