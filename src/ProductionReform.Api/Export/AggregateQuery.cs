namespace ProductionReform.Api.Export;

/// <summary>
/// A checked aggregate export (<see cref="AggregateExport.PrepareAsync"/>): the GraphQL document and its variables, and the
/// columns read from each group of the answer.
/// </summary>
public sealed record AggregateQuery(string FieldName, string Document, string VariablesJson, IReadOnlyList<AggregateColumn> Columns);
