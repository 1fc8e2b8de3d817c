namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// One record's change as a subscriber receives it: the list, the operation, the record's global id, the record read
/// after the commit (projected to what the subscriber selects; null once deleted), the data version and the commit time.
/// </summary>
public sealed record RecordChange(string List, ChangeOperation Operation, string Id, object? Record, long Version, DateTimeOffset Time);
