namespace ProductionReform.Data.Changes;

/// <summary>A key column of a link table and the record table it refers to.</summary>
public sealed record LinkEnd(string Column, string Table);
