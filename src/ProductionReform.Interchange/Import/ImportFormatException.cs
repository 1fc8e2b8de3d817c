namespace ProductionReform.Interchange.Import;

/// <summary>The file cannot be read at all (not UTF-8, an unclosed quote, not a JSON array): nothing is imported.</summary>
public sealed class ImportFormatException(int row, string message) : Exception(message)
{
    /// <summary>Where reading stopped, as in <see cref="ImportRecord.Row"/>.</summary>
    public int Row { get; } = row;
}
