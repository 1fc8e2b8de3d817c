using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// The "Sources" table of an export: for every exported record, each citation that states its facts — the fields the
/// quote supports, the exact quote, whether the registry inferred the fields, and the source quoted (its title, author,
/// publisher, kind and date). Read with one statement over the records the export keeps, in the export's order.
/// </summary>
public static class CitationTable
{
    public const string Name = "Sources";

    /// <summary>The navigation of every cited entity to the citations that state its facts.</summary>
    private const string CitationsNavigation = "Sources";

    private static readonly (string Name, Type Type, Expression<Func<Citation, object?>> Value)[] CitationColumns =
    [
        ("fields", typeof(string), c => c.Supports),
        ("quote", typeof(string), c => c.Quote),
        ("isInference", typeof(bool), c => c.IsInference),
        ("note", typeof(string), c => c.Note),
        ("citation", typeof(string), c => c.Code),
        ("source", typeof(string), c => c.Source.Code),
        ("sourceTitle", typeof(string), c => c.Source.Title),
        ("author", typeof(string), c => c.Source.Author),
        ("publisher", typeof(string), c => c.Source.Publisher),
        ("sourceKind", typeof(string), c => c.Source.Kind),
        ("publishedOn", typeof(DateOnly), c => c.Source.PublishedOn),
        ("publishedYear", typeof(int), c => c.Source.PublishedYear),
        ("url", typeof(string), c => c.Source.Url),
    ];

    /// <summary>The citations of the records <paramref name="read"/> keeps, or null when its entity is not cited.</summary>
    public static ExportTable? Of(ListRead read, ListExporter exporter, DbContext db)
    {
        var model = read.Model;
        if (model.ClrType.GetProperty(CitationsNavigation) is not { } navigation
            || navigation.PropertyType != typeof(ICollection<Citation>))
            return null;

        // x => x.Sources.OrderBy(c => c.Code), (x, c) => new object?[] { x.Id, x.Name, …, c.Supports, c.Quote, … }
        var x = Expression.Parameter(model.ClrType, "x");
        var c = Expression.Parameter(typeof(Citation), "c");
        var labels = model.Labels.Select(f => Expression.Property(x, f.Property)).ToList();
        var values = new List<Expression> { Expression.Property(x, model.Key) };
        values.AddRange(labels);
        values.AddRange(CitationColumns.Select(column =>
            ReplacingExpressionVisitor.Replace(column.Value.Parameters[0], c, column.Value.Body)));
        var row = Expression.Lambda(
            Expression.NewArrayInit(typeof(object), values.Select(v => Expression.Convert(v, typeof(object)))), x, c);
        Expression<Func<IEnumerable<Citation>, IEnumerable<Citation>>> byCode = citations => citations.OrderBy(citation => citation.Code);
        var related = Expression.Lambda(typeof(Func<,>).MakeGenericType(model.ClrType, typeof(IEnumerable<Citation>)),
            ReplacingExpressionVisitor.Replace(byCode.Parameters[0], Expression.Property(x, navigation), byCode.Body), x);

        var labelIndexes = Enumerable.Range(1, labels.Count).ToArray();
        var first = 1 + labels.Count;
        ExportColumn[] header =
        [
            new("recordId", typeof(string)),
            new("record", typeof(string)),
            .. CitationColumns.Select(column => new ExportColumn(column.Name, column.Type)),
        ];
        return new ExportTable(Name, header, read.RelatedRows(db, related, row).Select(row => (object?[])
        [
            GlobalId.Encode(model.Name, (int)row[0]!),
            ListExporter.Label(row, labelIndexes, 0, model),
            .. row[first..].Select(exporter.Cell),
        ]));
    }
}
