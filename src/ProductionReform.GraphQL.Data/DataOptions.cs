namespace ProductionReform.GraphQL.Data;

/// <summary>Limits and defaults of the data layer, bound from the <c>Data</c> configuration section.</summary>
public sealed class DataOptions
{
    public int DefaultPageSize { get; set; } = 20;
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most values an <c>in</c>/<c>nin</c> list may carry.</summary>
    public int MaxInListLength { get; set; } = 500;

    /// <summary>How deeply <c>and</c>/<c>or</c>/relations may nest inside one <c>where</c>.</summary>
    public int MaxFilterDepth { get; set; } = 12;

    /// <summary>Signs cursors so that a changed cursor is refused rather than obeyed.</summary>
    public string CursorSecret { get; set; } = "production-reform-cursor";
}
