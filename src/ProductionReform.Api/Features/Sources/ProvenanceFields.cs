using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.Api.Features.Sources;

/// <summary>
/// <c>provenance</c> on every cited type: which citation states which field of the record, read from the
/// citations' <c>supports</c>. One statement finds the pairs for all parents of the field, one more loads the
/// citations as selected.
/// </summary>
public static class ProvenanceFields
{
    private const string CitationsNavigation = "Sources";

    public static void AddTo(IEnumerable<IEntityGraphType> types, NodeLoader loader)
    {
        var provenanceType = new FieldProvenanceType();
        var cited = types.Where(t => t.Model.ClrType.GetProperty(CitationsNavigation)?.PropertyType == typeof(ICollection<Citation>));
        foreach (var type in cited)
        {
            var model = type.Model;
            var fields = type.Fields.Select(f => f.Name).ToHashSet();
            type.AddField(new FieldType
            {
                Name = "provenance",
                Description = "Field-level provenance 字段来源: for each field a citation states, the citation. Fields no citation " +
                    "states are absent.",
                ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(provenanceType))),
                Resolver = new FuncFieldResolver<object>(context => FieldBatch.Enlist(context, model.Name, model.KeyOf(context.Source!),
                    () => Loader(context, model.ClrType, fields, loader), Array.Empty<FieldProvenance>())),
            });
        }
    }

    private static FieldBatch.Loader Loader(IResolveFieldContext context, Type clrType, HashSet<string> fields, NodeLoader loader) =>
        async (parentKeys, cancellationToken) =>
        {
            var db = context.RequestServices!.GetRequiredService<RegistryDbContext>();
            var pairs = (await PairsAsync(db, clrType, parentKeys, cancellationToken)).Where(p => fields.Contains(p.Field)).ToList();
            var citationSelections = context.FieldAst.SelectionSet is { } set
                ? SelectionSets.Under([set], context.Document, "citation")
                : Array.Empty<GraphQLSelectionSet>();
            var citations = citationSelections.Count == 0 || pairs.Count == 0
                ? []
                : await loader.LoadAsync(context, pairs.Select(p => (nameof(Citation), p.CitationId)).Distinct(), citationSelections);
            return pairs.GroupBy(p => p.RecordId).ToDictionary(g => g.Key, g => (object)g
                .Select(p => new FieldProvenance(p.Field, citations.GetValueOrDefault((nameof(Citation), p.CitationId))))
                .ToList());
        };

    /// <summary>(record, field, citation) for every field named in the supports of a citation of the records.</summary>
    private static async Task<List<ProvenancePair>> PairsAsync(RegistryDbContext db, Type clrType,
        IReadOnlyCollection<int> recordKeys, CancellationToken cancellationToken)
    {
        // The join table and its columns come from the EF model, so every cited type is served by one query text.
        var links = db.Model.FindEntityType(clrType)!.FindSkipNavigation(CitationsNavigation)!;
        var join = links.JoinEntityType;
        var recordColumn = links.ForeignKey.Properties[0].GetColumnName();
        var citationColumn = links.Inverse!.ForeignKey.Properties[0].GetColumnName();
        var citations = links.TargetEntityType;
        var supports = citations.FindProperty(nameof(Citation.Supports))!.GetColumnName();
        // Read through EF, not the bare connection, so the statement counts in extensions.sqlStatements like every other.
        var sql = $"""
            SELECT j."{recordColumn}" AS record_id, f.field, c.id AS citation_id
            FROM "{join.GetTableName()}" j
            JOIN "{citations.GetTableName()}" c ON c.id = j."{citationColumn}"
            CROSS JOIN LATERAL unnest(c."{supports}") AS f(field)
            WHERE j."{recordColumn}" = ANY(@keys)
            ORDER BY 1, 2, 3
            """;
        return await db.Database.SqlQueryRaw<ProvenancePair>(sql, new NpgsqlParameter("keys", recordKeys.ToArray()))
            .ToListAsync(cancellationToken);
    }
}
