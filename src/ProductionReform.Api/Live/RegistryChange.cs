namespace ProductionReform.Api.Live;

/// <summary>
/// One committed write to one registry list, as PostgreSQL announced it after commit: the data version it produced,
/// the root list field it touched (<c>enterprises</c>…), the operation and the ids of the records it wrote.
/// </summary>
public sealed record RegistryChange(
    long Version, string List, string Operation, IReadOnlyList<int> RecordIds, DateTimeOffset CommittedAt);
