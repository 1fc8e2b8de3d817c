using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.Api.Features.Linkages;
using ProductionReform.Data.Quality;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Quality;

/// <summary><c>dataQuality: DataQualityReport!</c>: what a researcher should know before citing the registry.</summary>
public static class DataQualityFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.AddField(new FieldType
        {
            Name = "dataQuality",
            Description = "The data-quality report 数据质量: per list the sample, real and uncited rows; " +
                          "per relation the sample, real and uncited links; and records and links without a citation, " +
                          "facts marked as the registry's inference, " +
                          "approximate or lower-bound figures, figures without a period and likely duplicates (pg_trgm name similarity " +
                          $"above {DataQualityQuery.DuplicateThreshold}). Also at /export/data-quality.csv.",
            ResolvedType = new NonNullGraphType(new DataQualityReportType()),
            Resolver = new FuncFieldResolver<object>(async context =>
                await context.RequestServices!.GetRequiredService<DataQualityQuery>().RunAsync(context.CancellationToken)),
        });
    }

    private sealed class DataQualityReportType : ObjectGraphType<DataQualityReport>
    {
        public DataQualityReportType()
        {
            Name = "DataQualityReport";
            Description = "The registry's data-quality report.";
            Field("lists", x => x.Lists, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DataQualityListType>>>))
                .Description("Per cited list: rows in all, synthetic samples, real rows, and real rows without a citation.");
            Field("links", x => x.Links, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DataQualityLinkListType>>>))
                .Description("Per relation between records (as `linkage` follows them, without CITES and QUOTES, which are the " +
                             "citations themselves): links in all, links with a sample end, real links, and real links no " +
                             "citation supports.");
            Field("issues", x => x.Issues,
                    type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DataQualityIssueType>>>))
                .Description("The findings, by kind, type and record.");
        }
    }

    private sealed class DataQualityListType : ObjectGraphType<DataQualityList>
    {
        public DataQualityListType()
        {
            Name = "DataQualityList";
            Description = "The rows of one entity list, split by sample and citation.";
            Field(x => x.EntityType).Description("The entity type (as named in the schema).");
            Field(x => x.Total).Description("Rows in all.");
            Field(x => x.Samples).Description("Synthetic sample rows (isSample), whose figures are illustrative.");
            Field(x => x.Real).Description("Rows that are not samples.");
            Field(x => x.Uncited).Description("Real rows without any citation; 0 on the seed.");
        }
    }

    private sealed class DataQualityLinkListType : ObjectGraphType<DataQualityLinkList>
    {
        public DataQualityLinkListType()
        {
            Name = "DataQualityLinkList";
            Description = "The links of one relation between two entity types, split by sample and citation. A link is cited when a " +
                          "citation of either end supports the field naming the relation at that end (a citation of the enterprise " +
                          "supporting `region`, or of the region supporting `enterprises`).";
            Field("linkKind", x => x.Kind, type: typeof(NonNullGraphType<LinkKindGraphType>)).Description("The kind of relation.");
            Field(x => x.EntityType).Description("The entity type the relation runs from.");
            Field(x => x.ToEntityType).Description("The entity type the relation points to.");
            Field(x => x.Total).Description("Links in all.");
            Field(x => x.Samples).Description("Links with a synthetic sample record at either end.");
            Field(x => x.Real).Description("Links between two real records.");
            Field(x => x.Uncited).Description("Real links no citation supports; 0 on the seed.");
        }
    }

    private sealed class DataQualityIssueType : ObjectGraphType<DataQualityIssue>
    {
        public DataQualityIssueType()
        {
            Name = "DataQualityIssue";
            Description = "One data-quality finding about one record, or for UNCITED_LINK about the link from one record to another.";
            Field("kind", x => x.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DataQualityIssueKind>>))
                .Description("What is the matter.");
            Field(x => x.EntityType)
                .Description("The record's entity type (as named in the schema); for a link, of the record it runs from.");
            Field<NonNullGraphType<IdGraphType>>("recordId").Description("The record's global id, for node(id:).")
                .Resolve(c => GlobalId.Encode(c.Source.EntityType, c.Source.EntityId));
            Field(x => x.Label).Description("The record's name, title or code.");
            Field(x => x.Detail).Description("What the finding says about it.");
            Field(x => x.IsSample).Description("True when the record, or for a link either end, is a synthetic sample.");
            Field<LinkKindGraphType>("linkKind").Description("For UNCITED_LINK the kind of relation; null for other kinds.")
                .Resolve(c => c.Source.Link?.Kind);
            Field<StringGraphType>("toEntityType").Description("For UNCITED_LINK the entity type of the record the link points to.")
                .Resolve(c => c.Source.Link?.ToEntityType);
            Field<IdGraphType>("toRecordId").Description("For UNCITED_LINK the global id of the record the link points to.")
                .Resolve(c => c.Source.Link is { } link ? GlobalId.Encode(link.ToEntityType, link.ToEntityId) : null);
            Field<StringGraphType>("toLabel").Description("For UNCITED_LINK the name, title or code of the record the link points to.")
                .Resolve(c => c.Source.Link?.ToLabel);
        }
    }
}
