namespace ProductionReform.Data.Seed;

/// <summary>Rows the seed inserted and updated, in all and per entity type.</summary>
public sealed record SeedReport(int Inserted, int Updated, IReadOnlyDictionary<string, (int Inserted, int Updated)> ByEntity)
{
    public bool ChangedNothing => Inserted == 0 && Updated == 0;

    public override string ToString() =>
        $"inserted {Inserted}, updated {Updated}" +
        string.Concat(ByEntity.Where(p => p.Value != (0, 0)).Select(p => $"; {p.Key} +{p.Value.Inserted} ~{p.Value.Updated}"));
}
