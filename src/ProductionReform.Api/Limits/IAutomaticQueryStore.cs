namespace ProductionReform.Api.Limits;

/// <summary>Where automatic persisted queries are kept, by their SHA-256: this process's memory or the shared Redis.</summary>
public interface IAutomaticQueryStore
{
    ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken);

    ValueTask StoreAsync(string hash, string query, CancellationToken cancellationToken);
}
