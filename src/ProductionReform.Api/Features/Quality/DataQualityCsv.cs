using ProductionReform.Data;
using ProductionReform.Data.Quality;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Features.Quality;

/// <summary>
/// <c>/export/data-quality.csv</c>: one row per finding, with the columns named as the <c>dataQuality</c> issue fields (the link
/// columns empty but for UNCITED_LINK); then one <c>LIST_COUNTS</c> row per list and one <c>LINK_COUNTS</c> row per relation.
/// </summary>
public static class DataQualityCsv
{
    private static readonly string[] NoLink = ["", "", "", ""];

    public static async Task WriteAsync(CsvWriter csv, DataQualityReport report, CancellationToken cancellationToken)
    {
        await csv.WriteRowAsync(["kind", "entityType", "recordId", "label", "detail", "isSample",
            "linkKind", "toEntityType", "toRecordId", "toLabel"], cancellationToken);
        foreach (var issue in report.Issues)
        {
            var link = issue.Link is { } l
                ? [Name(l.Kind), l.ToEntityType, GlobalId.Encode(l.ToEntityType, l.ToEntityId), l.ToLabel]
                : NoLink;
            await csv.WriteRowAsync([Name(issue.Kind), issue.EntityType, GlobalId.Encode(issue.EntityType, issue.EntityId),
                issue.Label, issue.Detail, issue.IsSample ? "true" : "false", .. link], cancellationToken);
        }
        foreach (var list in report.Lists)
        {
            await csv.WriteRowAsync(["LIST_COUNTS", list.EntityType, "", $"total {list.Total}; samples {list.Samples}; real {list.Real}",
                $"uncited real rows {list.Uncited}", "", .. NoLink], cancellationToken);
        }
        foreach (var relation in report.Links)
        {
            await csv.WriteRowAsync(["LINK_COUNTS", relation.EntityType, "",
                $"total {relation.Total}; samples {relation.Samples}; real {relation.Real}", $"uncited real links {relation.Uncited}", "",
                Name(relation.Kind), relation.ToEntityType, "", ""], cancellationToken);
        }
    }

    private static string Name(Enum value) => EnumNames.ToScreamingSnake(value.ToString());
}
