using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Export;

/// <summary>A checked export: the entity, its filter and its order, ready to count and to write.</summary>
public sealed class CsvExportRequest
{
    internal CsvExportRequest(QueryPlan plan) => Plan = plan;

    public EntityModel Model => Plan.Model;

    /// <summary>The rows to write, as the kernel reads them: filtered and ordered, every row.</summary>
    internal QueryPlan Plan { get; }
}
