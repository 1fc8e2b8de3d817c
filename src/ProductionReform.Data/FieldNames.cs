namespace ProductionReform.Data;

/// <summary>
/// The name a stored field goes by outside the database: its property name, camel-cased. The audit trail's changed
/// fields and citations' <c>supports</c> are written in it, so both match the API's field names.
/// </summary>
internal static class FieldNames
{
    public static string Of(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
