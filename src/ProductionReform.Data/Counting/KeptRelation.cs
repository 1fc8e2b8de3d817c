namespace ProductionReform.Data.Counting;

/// <summary>A one-to-many relation whose rows per parent the database counts: the child table and its reference column.</summary>
public sealed record KeptRelation(string Table, string Column)
{
    /// <summary>The relation's name in <c>kept_counts</c>: <c>enterprises.industry_id</c>.</summary>
    public string Name => $"{Table}.{Column}";
}
