using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ProductionReform.Domain;

namespace ProductionReform.Data.Quality;

/// <summary>
/// The data-quality report: per list the sample, real and uncited rows; and the findings a researcher should know of
/// (uncited records, inferences, qualified figures, figures without a period, likely duplicates). Tables and
/// citation links come from the EF model, so a new cited entity is covered without a change here.
/// </summary>
public sealed class DataQualityQuery(RegistryDbContext db)
{
    /// <summary>pg_trgm similarity above which two names of one list count as a likely duplicate.</summary>
    public const double DuplicateThreshold = 0.6;

    // Result columns are snake_case: the context's naming convention maps them to these row classes.
    private sealed record IssueRow(string Kind, string EntityType, int EntityId, string Label, string Detail, bool IsSample);

    private sealed record ListRow(string EntityType, int Total, int Samples, int Real, int Uncited);

    private sealed record Table(string TypeName, string Name, string Label, string IsSample, string Cited, string? NameColumn);

    public async Task<DataQualityReport> RunAsync(CancellationToken cancellationToken)
    {
        var tables = CitedTables().ToList();
        var listSql = string.Join("\nUNION ALL\n", tables.Select(t => $"""
            SELECT '{t.TypeName}' AS entity_type, count(*)::int AS total, count(*) FILTER (WHERE {t.IsSample})::int AS samples,
                   count(*) FILTER (WHERE NOT {t.IsSample})::int AS real,
                   count(*) FILTER (WHERE NOT {t.IsSample} AND NOT {t.Cited})::int AS uncited
            FROM {t.Name} AS t
            """)) + "\nORDER BY 1";
        var lists = await db.Database.SqlQueryRaw<ListRow>(listSql).ToListAsync(cancellationToken);

        var values = EntityOf(typeof(IndicatorValue));
        var citations = EntityOf(typeof(Citation));
        var issueSql = tables.Select(t => $"""
                SELECT 'UNCITED' AS kind, '{t.TypeName}' AS entity_type, t.id AS entity_id, {t.Label} AS label,
                       'No citation states this record.' AS detail, {t.IsSample} AS is_sample
                FROM {t.Name} AS t WHERE NOT {t.Cited}
                """)
            .Append($"""
                SELECT 'INFERENCE', 'Citation', t.id, t.{Column(citations, nameof(Citation.Code))},
                       coalesce(t.{Column(citations, nameof(Citation.Note))}, 'The registry''s reading of the quote.'), false
                FROM {citations.GetTableName()} AS t WHERE t.{Column(citations, nameof(Citation.IsInference))}
                """)
            .Append($"""
                SELECT 'QUALIFIED_VALUE', 'IndicatorValue', t.id, {ValueLabel(values)},
                       t.{Column(values, nameof(IndicatorValue.Qualifier))}, false
                FROM {values.GetTableName()} AS t WHERE t.{Column(values, nameof(IndicatorValue.Qualifier))} <> 'EXACT'
                """)
            .Append($"""
                SELECT 'VALUE_WITHOUT_PERIOD', 'IndicatorValue', t.id, {ValueLabel(values)},
                       'Neither a period start nor an as-of date.', false
                FROM {values.GetTableName()} AS t
                WHERE t.{Column(values, nameof(IndicatorValue.PeriodStart))} IS NULL
                  AND t.{Column(values, nameof(IndicatorValue.AsOf))} IS NULL
                """)
            .Concat(tables.Where(t => t.NameColumn is not null).Select(t => $"""
                SELECT 'LIKELY_DUPLICATE', '{t.TypeName}', t.id, t.{t.NameColumn},
                       'Alike: ' || b.{t.NameColumn}
                         || ' (similarity ' || round(similarity(t.{t.NameColumn}, b.{t.NameColumn})::numeric, 2) || ')',
                       {t.IsSample}
                FROM {t.Name} AS t JOIN {t.Name} AS b ON b.id <> t.id AND similarity(t.{t.NameColumn}, b.{t.NameColumn}) > @threshold
                WHERE NOT ({t.IsSample} AND {t.IsSample.Replace("t.", "b.")})
                """));
        var sql = string.Join("\nUNION ALL\n", issueSql) + "\nORDER BY 1, 2, 3, 5";
        var issues = await db.Database.SqlQueryRaw<IssueRow>(sql, new NpgsqlParameter("threshold", DuplicateThreshold))
            .ToListAsync(cancellationToken);

        return new DataQualityReport(
            lists.Select(l => new DataQualityList(l.EntityType, l.Total, l.Samples, l.Real, l.Uncited)).ToList(),
            issues.Select(i => new DataQualityIssue(Enum.Parse<DataQualityIssueKind>(i.Kind.Replace("_", ""), ignoreCase: true),
                i.EntityType, i.EntityId, i.Label, i.Detail, i.IsSample)).ToList());
    }

    private IEntityType EntityOf(Type clrType) => db.Model.FindEntityType(clrType)!;

    private static string Column(IEntityType type, string property) =>
        type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!;

    private string ValueLabel(IEntityType values)
    {
        var indicators = EntityOf(typeof(Indicator));
        return $"(SELECT i.{Column(indicators, nameof(Indicator.Code))} FROM {indicators.GetTableName()} AS i " +
               $"WHERE i.id = t.{Column(values, nameof(IndicatorValue.IndicatorId))}) || ' = ' || t.{Column(values, nameof(IndicatorValue.Value))}";
    }

    /// <summary>Every entity that carries citations: its table, a label, its sample flag and whether a citation links it.</summary>
    private IEnumerable<Table> CitedTables()
    {
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(ICited).IsAssignableFrom(t.ClrType)).OrderBy(t => t.ClrType.Name))
        {
            var sources = type.FindSkipNavigation(nameof(ICited.Sources))!;
            var join = sources.JoinEntityType;
            var joinTable = StoreObjectIdentifier.Table(join.GetTableName()!, join.GetSchema());
            var joinColumn = sources.ForeignKey.Properties.Single().GetColumnName(joinTable)!;
            var nameColumn = new[] { "Name", "Title" }.Select(type.FindProperty).FirstOrDefault(p => p is not null) is { } name
                ? Column(type, name.Name) : null;
            var label = nameColumn is not null ? $"t.{nameColumn}"
                : type.ClrType == typeof(IndicatorValue) ? ValueLabel(type) : "t.id::text";
            var isSample = type.FindProperty(nameof(Enterprise.IsSample)) is { } sample ? $"t.{Column(type, sample.Name)}" : "false";
            yield return new Table(type.ClrType.Name, type.GetTableName()!, label, isSample,
                $"EXISTS (SELECT 1 FROM {join.GetTableName()} AS j WHERE j.{joinColumn} = t.id)", nameColumn);
        }
    }
}
