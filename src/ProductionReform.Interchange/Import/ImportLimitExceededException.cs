namespace ProductionReform.Interchange.Import;

/// <summary>
/// The file is over a size limit: <see cref="Limit"/> is the limit's name, <see cref="Measured"/> what the file has (at least).
/// </summary>
public sealed class ImportLimitExceededException(string limit, long maximum, long measured, string message) : Exception(message)
{
    public string Limit { get; } = limit;
    public long Maximum { get; } = maximum;
    public long Measured { get; } = measured;
}
