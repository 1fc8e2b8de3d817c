namespace ProductionReform.Data.Seed;

/// <summary>Compact spec of the synthetic pilot firms (sample-enterprises.json).</summary>
public sealed record SampleEnterpriseSpec(IReadOnlyList<string> Regions, IReadOnlyList<SampleGroupSpec> Groups);
