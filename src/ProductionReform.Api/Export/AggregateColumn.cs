using System.Text.Json;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Export;

/// <summary>A column of an aggregate export and how its cell is read from a group of the GraphQL answer.</summary>
public sealed record AggregateColumn(ExportColumn Column, Func<JsonElement, object?> Read);
