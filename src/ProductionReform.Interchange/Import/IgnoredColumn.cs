namespace ProductionReform.Interchange.Import;

/// <summary>
/// A column the export writes that import accepts and ignores: <c>id</c>, <c>version</c>, relations held by the other side.
/// </summary>
public sealed class IgnoredColumn(string name) : ImportColumn(name);
