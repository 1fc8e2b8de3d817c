namespace ProductionReform.Api.Live;

/// <summary>The records of one table a commit created, updated or deleted (as the change log names them).</summary>
public sealed record CommittedTableChange(string Table, string Operation, IReadOnlyList<int> Ids);
