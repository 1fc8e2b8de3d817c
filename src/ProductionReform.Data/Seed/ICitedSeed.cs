namespace ProductionReform.Data.Seed;

/// <summary>A seed record that states facts and so names the citations that state them.</summary>
public interface ICitedSeed
{
    IReadOnlyList<string> Citations { get; }
}
