using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ProductionReform.Data.Linkages;
using ProductionReform.Domain;

namespace ProductionReform.Data.Quality;

/// <summary>
/// The data-quality report: per list the sample, real and uncited rows; per relation the sample, real and uncited edges;
/// and the findings a researcher should know of (uncited records and links, inferences, qualified figures, figures without
/// a period, likely duplicates). Tables, citation links and relations come from the EF model and the
/// <see cref="LinkCatalog"/>, so a new cited entity or relation is covered without a change here.
/// </summary>
/// <remarks>
/// A link counts as cited when a citation of either end supports the field that names the relation at that end: a citation
/// of the enterprise supporting <c>region</c>, or one of the region supporting <c>enterprises</c>. A quote that merely
/// mentions both records does not state that they are related. A link with a sample end counts as a sample.
/// </remarks>
public sealed class DataQualityQuery(RegistryDbContext db, LinkCatalog catalog)
{
    /// <summary>pg_trgm similarity above which two names of one list count as a likely duplicate.</summary>
    public const double DuplicateThreshold = 0.6;

    /// <summary>Links from records to their citations and from citations to sources: the evidence, not facts it states.</summary>
    private static readonly LinkKind[] EvidenceLinks = [LinkKind.Cites, LinkKind.Quotes];

    /// <summary>The link columns of a finding about one record.</summary>
    private const string NoLink =
        "NULL::text AS link_kind, NULL::text AS to_entity_type, NULL::int AS to_entity_id, NULL::text AS to_label";

    // Result columns are snake_case: the context's naming convention maps them to these row classes.
    private sealed record IssueRow(string Kind, string EntityType, int EntityId, string Label, string Detail, bool IsSample,
        string? LinkKind, string? ToEntityType, int? ToEntityId, string? ToLabel);

    private sealed record ListRow(string EntityType, int Total, int Samples, int Real, int Uncited);

    private sealed record LinkListRow(
        string LinkKind, string EntityType, string ToEntityType, int Total, int Samples, int Real, int Uncited);

    public async Task<DataQualityReport> RunAsync(CancellationToken cancellationToken)
    {
        var cited = db.Model.GetEntityTypes().Where(t => typeof(ICited).IsAssignableFrom(t.ClrType)).OrderBy(t => t.ClrType.Name).ToList();
        var listSql = string.Join("\nUNION ALL\n", cited.Select(t => $"""
            SELECT '{t.ClrType.Name}' AS entity_type, count(*)::int AS total, count(*) FILTER (WHERE {IsSample(t, "t")})::int AS samples,
                   count(*) FILTER (WHERE NOT {IsSample(t, "t")})::int AS real,
                   count(*) FILTER (WHERE NOT {IsSample(t, "t")} AND NOT {Cited(t, "t")})::int AS uncited
            FROM {t.GetTableName()} AS t
            """)) + "\nORDER BY 1";
        var lists = await db.Database.SqlQueryRaw<ListRow>(listSql).ToListAsync(cancellationToken);

        var links = catalog.Links.Where(l => !EvidenceLinks.Contains(l.Kind)).ToList();
        var linkListSql = string.Join("\nUNION ALL\n", links.Select(l => $"""
            SELECT '{l.Kind}' AS link_kind, '{l.FromType}' AS entity_type, '{l.ToType}' AS to_entity_type, count(*)::int AS total,
                   count(*) FILTER (WHERE x.is_sample)::int AS samples, count(*) FILTER (WHERE NOT x.is_sample)::int AS real,
                   count(*) FILTER (WHERE NOT x.is_sample AND NOT x.cited)::int AS uncited
            FROM ({Edges(l)}) AS x
            """)) + "\nORDER BY 1, 2, 3";
        var linkLists = await db.Database.SqlQueryRaw<LinkListRow>(linkListSql).ToListAsync(cancellationToken);

        // Apart from the other findings: in one statement with their pg_trgm joins, PostgreSQL's estimate for the whole
        // crossed its JIT threshold and compiling the plan took seconds.
        var uncitedLinkSql = string.Join("\nUNION ALL\n", links.Select(l => $"""
            SELECT 'UNCITED_LINK' AS kind, '{l.FromType}' AS entity_type, x.from_id AS entity_id, x.from_label AS label,
                   'No citation supports {l.FromType}.{l.FromField} or {l.ToType}.{l.ToField}.' AS detail, x.is_sample,
                   '{l.Kind}' AS link_kind, '{l.ToType}' AS to_entity_type, x.to_id AS to_entity_id, x.to_label
            FROM ({Edges(l)}) AS x WHERE NOT x.cited
            """));
        var uncitedLinks = await db.Database.SqlQueryRaw<IssueRow>(uncitedLinkSql).ToListAsync(cancellationToken);

        var values = EntityOf(typeof(IndicatorValue));
        var citations = EntityOf(typeof(Citation));
        var issueSql = cited.Select(t => $"""
                SELECT 'UNCITED' AS kind, '{t.ClrType.Name}' AS entity_type, t.id AS entity_id, {Label(t, "t")} AS label,
                       'No citation states this record.' AS detail, {IsSample(t, "t")} AS is_sample, {NoLink}
                FROM {t.GetTableName()} AS t WHERE NOT {Cited(t, "t")}
                """)

            .Append($"""
                SELECT 'INFERENCE', 'Citation', t.id, t.{Column(citations, nameof(Citation.Code))},
                       coalesce(t.{Column(citations, nameof(Citation.Note))}, 'The registry''s reading of the quote.'), false, {NoLink}
                FROM {citations.GetTableName()} AS t WHERE t.{Column(citations, nameof(Citation.IsInference))}
                """)
            .Append($"""
                SELECT 'QUALIFIED_VALUE', 'IndicatorValue', t.id, {Label(values, "t")},
                       t.{Column(values, nameof(IndicatorValue.Qualifier))}, false, {NoLink}
                FROM {values.GetTableName()} AS t WHERE t.{Column(values, nameof(IndicatorValue.Qualifier))} <> 'EXACT'
                """)
            .Append($"""
                SELECT 'VALUE_WITHOUT_PERIOD', 'IndicatorValue', t.id, {Label(values, "t")},
                       'Neither a period start nor an as-of date.', false, {NoLink}
                FROM {values.GetTableName()} AS t
                WHERE t.{Column(values, nameof(IndicatorValue.PeriodStart))} IS NULL
                  AND t.{Column(values, nameof(IndicatorValue.AsOf))} IS NULL
                """)
            .Concat(cited.Select(t => (Type: t, Name: NameColumn(t))).Where(t => t.Name is not null).Select(t => $"""
                SELECT 'LIKELY_DUPLICATE', '{t.Type.ClrType.Name}', t.id, t.{t.Name},
                       'Alike: ' || b.{t.Name} || ' (similarity ' || round(similarity(t.{t.Name}, b.{t.Name})::numeric, 2) || ')',
                       {IsSample(t.Type, "t")}, {NoLink}
                FROM {t.Type.GetTableName()} AS t JOIN {t.Type.GetTableName()} AS b
                  ON b.id <> t.id AND similarity(t.{t.Name}, b.{t.Name}) > @threshold
                WHERE NOT ({IsSample(t.Type, "t")} AND {IsSample(t.Type, "b")})
                """));
        var sql = string.Join("\nUNION ALL\n", issueSql);
        var issues = await db.Database.SqlQueryRaw<IssueRow>(sql, new NpgsqlParameter("threshold", DuplicateThreshold))
            .ToListAsync(cancellationToken);

        return new DataQualityReport(
            lists.Select(l => new DataQualityList(l.EntityType, l.Total, l.Samples, l.Real, l.Uncited)).ToList(),
            linkLists.Select(l => new DataQualityLinkList(Enum.Parse<LinkKind>(l.LinkKind), l.EntityType, l.ToEntityType,
                l.Total, l.Samples, l.Real, l.Uncited)).ToList(),
            issues.Concat(uncitedLinks).Select(i => new DataQualityIssue(
                    Enum.Parse<DataQualityIssueKind>(i.Kind.Replace("_", ""), ignoreCase: true), i.EntityType, i.EntityId, i.Label,
                    i.Detail, i.IsSample, i.LinkKind is null
                        ? null
                        : new DataQualityLink(Enum.Parse<LinkKind>(i.LinkKind), i.ToEntityType!, i.ToEntityId!.Value, i.ToLabel!)))
                .OrderBy(i => i.Kind).ThenBy(i => i.EntityType, StringComparer.Ordinal).ThenBy(i => i.EntityId)
                .ThenBy(i => i.Link?.Kind).ThenBy(i => i.Link?.ToEntityType, StringComparer.Ordinal).ThenBy(i => i.Link?.ToEntityId)
                .ThenBy(i => i.Detail, StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>
    /// The edges of one relation with both ends' labels, whether an end is a sample, and whether a citation supports it.
    /// The citation checks are uncorrelated <c>IN</c> subqueries, run once per statement: correlated ones, run per edge,
    /// made PostgreSQL estimate the statement above its JIT threshold and spend seconds compiling it.
    /// </summary>
    private string Edges(LinkDefinition link)
    {
        var from = EntityOf(link.FromType);
        var to = EntityOf(link.ToType);
        return $"""
            SELECT e.from_id, {Label(from, "f")} AS from_label, e.to_id, {Label(to, "t")} AS to_label,
                   {IsSample(from, "f")} OR {IsSample(to, "t")} AS is_sample,
                   {Supported(from, "e.from_id", link.FromField)} OR {Supported(to, "e.to_id", link.ToField)} AS cited
            FROM ({link.Sql}) AS e JOIN {from.GetTableName()} AS f ON f.id = e.from_id JOIN {to.GetTableName()} AS t ON t.id = e.to_id
            """;
    }

    /// <summary>Whether a citation of the record keyed <paramref name="key"/> supports <paramref name="field"/>.</summary>
    private string Supported(IEntityType type, string key, string field)
    {
        if (CitationLinks(type) is not { } links) return "false";
        var citations = EntityOf(typeof(Citation));
        return $"{key} IN (SELECT j.{links.Record} FROM {links.Table} AS j JOIN {citations.GetTableName()} AS c " +
               $"ON c.id = j.{links.Citation} WHERE '{field}' = ANY(c.{Column(citations, nameof(Citation.Supports))}))";
    }

    private IEntityType EntityOf(Type clrType) => db.Model.FindEntityType(clrType)!;

    private IEntityType EntityOf(string typeName) => db.Model.GetEntityTypes().Single(t => t.ClrType.Name == typeName);

    private static string Column(IEntityType type, string property) =>
        type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!;

    private static string? NameColumn(IEntityType type) =>
        new[] { "Name", "Title" }.Select(type.FindProperty).FirstOrDefault(p => p is not null) is { } name ? Column(type, name.Name) : null;

    /// <summary>What a finding shows for the row at <paramref name="alias"/>: name or title, a value as code = value, else key.</summary>
    private string Label(IEntityType type, string alias)
    {
        if (NameColumn(type) is { } name) return $"{alias}.{name}";
        if (type.ClrType == typeof(IndicatorValue))
        {
            var indicators = EntityOf(typeof(Indicator));
            return $"(SELECT i.{Column(indicators, nameof(Indicator.Code))} FROM {indicators.GetTableName()} AS i " +
                   $"WHERE i.id = {alias}.{Column(type, nameof(IndicatorValue.IndicatorId))}) || ' = ' || " +
                   $"{alias}.{Column(type, nameof(IndicatorValue.Value))}";
        }
        return $"{alias}.id::text";
    }

    private static string IsSample(IEntityType type, string alias) =>
        type.FindProperty(nameof(Enterprise.IsSample)) is { } sample ? $"{alias}.{Column(type, sample.Name)}" : "false";

    private static string Cited(IEntityType type, string alias) =>
        CitationLinks(type) is { } links ? $"EXISTS (SELECT 1 FROM {links.Table} AS j WHERE j.{links.Record} = {alias}.id)" : "false";

    /// <summary>The join table between a cited type and its citations, and its two key columns; null for a type without any.</summary>
    private static (string Table, string Record, string Citation)? CitationLinks(IEntityType type)
    {
        if (type.FindSkipNavigation(nameof(ICited.Sources)) is not { } sources) return null;
        var join = sources.JoinEntityType;
        var table = StoreObjectIdentifier.Table(join.GetTableName()!, join.GetSchema());
        return (join.GetTableName()!, sources.ForeignKey.Properties.Single().GetColumnName(table)!,
            sources.Inverse.ForeignKey.Properties.Single().GetColumnName(table)!);
    }
}
