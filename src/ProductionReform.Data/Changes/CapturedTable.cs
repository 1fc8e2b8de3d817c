namespace ProductionReform.Data.Changes;

/// <summary>
/// A table whose committed writes the change log records. A record table (<c>enterprises</c>) is logged by its
/// <c>id</c>; a link table of a many-to-many relation (<c>citation_enterprise</c>) has <see cref="LinkEnds"/>, and a
/// link added or removed is logged as an update of the record at each end, the link table named as its changed column.
/// </summary>
public sealed record CapturedTable(string Name, IReadOnlyList<LinkEnd> LinkEnds)
{
    public bool IsLink => LinkEnds.Count > 0;
}
