namespace ProductionReform.Interchange.Export;

/// <summary>
/// A column of an exported table: its header and the type of its cells, which are null or one of string, bool, a number,
/// <see cref="DateOnly"/>, <see cref="DateTime"/> or <see cref="DateTimeOffset"/> (enums and lists come as text).
/// </summary>
public sealed record ExportColumn(string Name, Type ValueType)
{
    /// <summary>Cells that a spreadsheet shows as dates.</summary>
    public bool IsDate => (Nullable.GetUnderlyingType(ValueType) ?? ValueType) is var type
        && (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset));
}
