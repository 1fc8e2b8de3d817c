namespace ProductionReform.Interchange.Import;

/// <summary>A unique key: its columns, and whether a null in them keeps rows apart (as in SQL) or is a value like any other.</summary>
public sealed class ImportKey(IReadOnlyList<ImportColumn> columns, bool nullsDistinct)
{
    public IReadOnlyList<ImportColumn> Columns { get; } = columns;
    public bool NullsDistinct { get; } = nullsDistinct;
    public override string ToString() => string.Join("+", Columns.Select(c => c.Name));
}
