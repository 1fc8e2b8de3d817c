using Microsoft.EntityFrameworkCore.Metadata;

namespace ProductionReform.Interchange.Import;

/// <summary>A text column a record is named by in a relation cell: its column name and its property.</summary>
public sealed record ImportLabel(string Column, IProperty Property);
