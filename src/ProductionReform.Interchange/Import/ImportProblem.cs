namespace ProductionReform.Interchange.Import;

/// <summary>
/// One thing wrong with an import file. <see cref="Row"/> as in <see cref="ImportRecord.Row"/>;
/// the column and value when one is at fault.
/// </summary>
/// <summary>
/// One problem of an import file; <paramref name="Code"/> is set for problems that have a code of their own
/// (<c>INVALID_TEXT</c>).
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string? Value, string Reason, string? Code = null);
