using GraphQL.Resolvers;
using GraphQL.Types;
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
            Description = "The data-quality report 数据质量: per list the sample, real and uncited rows; and records without a citation, " +
                          "facts marked as the registry's inference, approximate or lower-bound figures, figures without a period and " +
                          $"likely duplicates (pg_trgm name similarity above {DataQualityQuery.DuplicateThreshold}). Also at /export/data-quality.csv.",
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

    private sealed class DataQualityIssueType : ObjectGraphType<DataQualityIssue>
    {
        public DataQualityIssueType()
        {
            Name = "DataQualityIssue";
            Description = "One data-quality finding about one record.";
            Field("kind", x => x.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DataQualityIssueKind>>))
                .Description("What is the matter.");
            Field(x => x.EntityType).Description("The record's entity type (as named in the schema).");
            Field<NonNullGraphType<IdGraphType>>("recordId").Description("The record's global id, for node(id:).")
                .Resolve(c => GlobalId.Encode(c.Source.EntityType, c.Source.EntityId));
            Field(x => x.Label).Description("The record's name, title or code.");
            Field(x => x.Detail).Description("What the finding says about it.");
            Field(x => x.IsSample).Description("True when the record is a synthetic sample.");
        }
    }
}
