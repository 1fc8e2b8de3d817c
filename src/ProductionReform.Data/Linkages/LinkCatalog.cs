using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Domain;

namespace ProductionReform.Data.Linkages;

/// <summary>
/// Which relations of the model are links, and the SQL that lists them all as edges
/// <c>(kind, from_type, from_id, to_type, to_id)</c>. Tables and columns come from the EF model, so the
/// SQL follows the mapping wherever it changes.
/// </summary>
public sealed class LinkCatalog
{
    private readonly List<LinkDefinition> _links = [];

    public LinkCatalog(IModel model)
    {
        Model = model;
        Link<Enterprise>(LinkKind.LocatedIn, x => x, x => x.Region);
        Link<Region>(LinkKind.PartOf, x => x, x => x.Parent);
        Link<Industry>(LinkKind.PartOf, x => x, x => x.Parent);
        Link<Enterprise>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<PilotProgram>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<PolicyDocument>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<ReformMeasure>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<SkillStandard>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<Occupation>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<InnovationStudio>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<TrainingProgram>(LinkKind.InIndustry, x => x, x => x.Industry);
        Link<InnovationStudio>(LinkKind.Hosts, x => x.HostEnterprise, x => x);
        Link<InnovationStudio>(LinkKind.Inspired, x => x.InspiredBy, x => x);
        Link<SkillStandard>(LinkKind.Issued, x => x.IssuerEnterprise, x => x);
        Link<SkillStandard>(LinkKind.Issued, x => x.IssuerRegion, x => x);
        Link<SkillStandard>(LinkKind.Produced, x => x.ProducedByStudio, x => x);
        Link<SkillStandard>(LinkKind.Covers, x => x, x => x.Occupations);
        Link<PilotEnrollment>(LinkKind.EnrolledIn, x => x.Enterprise, x => x.Program);
        Link<PilotEnrollment>(LinkKind.Adopted, x => x.Enterprise, x => x.Measures);
        Link<ReformMeasure>(LinkKind.SetsOut, x => x.Document, x => x);
        Link<PolicyDocument>(LinkKind.Governs, x => x, x => x.Programs);
        Link<TrainingProgram>(LinkKind.HasProgram, x => x.Enterprise, x => x);
        Link<PracticeCase>(LinkKind.HasCase, x => x.Enterprise, x => x);
        Link<IndicatorValue>(LinkKind.HasValue, x => x.Indicator, x => x);
        Link<IndicatorValue>(LinkKind.ReportsOn, x => x, x => x.Region);
        Cites<Region>(); Cites<Industry>(); Cites<Enterprise>(); Cites<PilotProgram>();
        Cites<PolicyDocument>(); Cites<ReformMeasure>(); Cites<SkillStandard>(); Cites<Occupation>();
        Cites<InnovationStudio>(); Cites<TrainingProgram>(); Cites<PracticeCase>(); Cites<IndicatorValue>();
        Link<Citation>(LinkKind.Quotes, x => x, x => x.Source);
        EdgesSql = string.Join("\nUNION ALL\n", _links.Select(l => l.Sql));
    }

    public IModel Model { get; }

    /// <summary>Every relation, with the fields that name it at each end.</summary>
    public IReadOnlyList<LinkDefinition> Links => _links;

    /// <summary>Every edge of the registry, as one SQL query.</summary>
    public string EdgesSql { get; }

    private void Cites<T>() where T : Entity, ICited => Link<T>(LinkKind.Cites, x => x, x => x.Sources);

    /// <summary>
    /// A link read from the rows of <typeparamref name="TRow"/>: each end is the row itself, a to-one
    /// navigation (its foreign key) or a many-to-many navigation (its join table).
    /// </summary>
    private void Link<TRow>(LinkKind kind, Expression<Func<TRow, object?>> from, Expression<Func<TRow, object?>> to) where TRow : Entity
    {
        var entity = Model.FindEntityType(typeof(TRow))!;
        var table = entity.GetTableName()!;
        var joins = new List<string>();
        var (fromType, fromColumn, fromNavigation) = End(entity, from, "f", joins);
        var (toType, toColumn, toNavigation) = End(entity, to, "t", joins);
        _links.Add(new LinkDefinition(kind, fromType, Field(fromNavigation, toNavigation), toType, Field(toNavigation, fromNavigation),
            $"SELECT '{kind.ToString()}'::text AS kind, " +
            $"'{fromType}'::text AS from_type, {fromColumn} AS from_id, '{toType}'::text AS to_type, {toColumn} AS to_id " +
            $"FROM {Quote(table)} AS r {string.Join(" ", joins)} WHERE {fromColumn} IS NOT NULL AND {toColumn} IS NOT NULL"));
    }

    /// <summary>An end's field: the row's navigation to the other end when it is the row, else the inverse of its own navigation.</summary>
    private static string Field(INavigationBase? end, INavigationBase? other) =>
        FieldNames.Of(end is null ? other!.Name : end.Inverse!.Name);

    /// <summary>An end's type and key column, and the row's navigation to it (null when the end is the row itself).</summary>
    private static (string Type, string Column, INavigationBase? Navigation) End<TRow>(
        IEntityType entity, Expression<Func<TRow, object?>> end, string alias, List<string> joins)
    {
        var body = end.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : end.Body;
        if (body == end.Parameters[0]) return (entity.ClrType.Name, "r." + Quote(Column(entity.FindPrimaryKey()!.Properties[0])), null);

        var name = ((MemberExpression)body).Member.Name;
        if (entity.FindNavigation(name) is { IsCollection: false } navigation)
        {
            return (navigation.TargetEntityType.ClrType.Name, "r." + Quote(Column(navigation.ForeignKey.Properties[0])), navigation);
        }
        var skip = entity.FindSkipNavigation(name)
            ?? throw new InvalidOperationException($"{entity.ClrType.Name}.{name} is not a navigation.");
        var joinTable = skip.JoinEntityType;
        var toRow = Column(skip.ForeignKey.Properties[0]);
        var toTarget = Column(skip.Inverse.ForeignKey.Properties[0]);
        var rowKey = Column(entity.FindPrimaryKey()!.Properties[0]);
        joins.Add($"JOIN {Quote(joinTable.GetTableName()!)} AS {alias} ON {alias}.{Quote(toRow)} = r.{Quote(rowKey)}");
        return (skip.TargetEntityType.ClrType.Name, $"{alias}.{Quote(toTarget)}", skip);
    }

    private static string Column(IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, null))!;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
