using MiniExcelLibs;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// An <see cref="ExportTable"/> as the reader MiniExcel streams a sheet from: the header comes from the columns (so an
/// empty table still has one), each row is read when MiniExcel asks for it, and text is defused as in CSV
/// (<see cref="FormulaGuard"/>). Reads only asynchronously.
/// </summary>
internal sealed class XlsxRows(ExportTable table, CancellationToken aborted) : MiniExcelDataReaderBase
{
    private IAsyncEnumerator<object?[]>? _rows;
    private object?[] _current = [];

    public override int FieldCount => table.Columns.Count;

    public override string GetName(int i) => table.Columns[i].Name;

    public override Task<string> GetNameAsync(int i, CancellationToken cancellationToken = default) => Task.FromResult(GetName(i));

    public override object GetValue(int i) => _current[i] is string text ? FormulaGuard.Defuse(text)! : _current[i]!;

    public override Task<object> GetValueAsync(int i, CancellationToken cancellationToken = default) => Task.FromResult(GetValue(i));

    public override bool Read() => throw new NotSupportedException("The rows of an export are read asynchronously.");

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        _rows ??= table.Rows.GetAsyncEnumerator(aborted);
        if (await _rows.MoveNextAsync())
        {
            _current = _rows.Current;
            return true;
        }
        // The statement ends here, so that the next sheet's statement can run on the same connection.
        await _rows.DisposeAsync();
        return false;
    }
}
