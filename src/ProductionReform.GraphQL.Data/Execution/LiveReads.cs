using GraphQL;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// The reads a subscription makes when its list changes, with the machinery of the list fields: the records of a change
/// that match the list's <c>where</c>, and the list's aggregate re-evaluated. The caller decides when to read.
/// </summary>
public sealed class LiveReads
{
    private readonly DataServices _services;

    internal LiveReads(DataServices services) => _services = services;

    /// <summary>The <c>where</c> argument of the list's own fields (<c>&lt;Name&gt;FilterInput</c>).</summary>
    public static QueryArgument Where(EntityModel model) =>
        new(new GraphQLTypeReference(model.FilterInputName)) { Name = "where", Description = "Conditions the records meet." };

    /// <summary>The type of <c>&lt;plural&gt;Aggregate</c>, whose fields a re-evaluated aggregate is selected with.</summary>
    public static IGraphType AggregateType(EntityModel model) =>
        new NonNullGraphType(new GraphQLTypeReference(AggregateModel.AggregateTypeName(model)));

    /// <summary>
    /// Checks and translates the field's <c>where</c> (if it has one) and the projection of what the subscriber selects
    /// under <paramref name="recordField"/> of the payload, once, before any event: a bad <c>where</c> is refused at once.
    /// </summary>
    /// <exception cref="DataError">INVALID_FILTER or LIMIT_EXCEEDED.</exception>
    public RecordWatch Watch(IResolveFieldContext context, EntityModel model, string recordField)
    {
        var where = context.Arguments is { } a && a.TryGetValue("where", out var w) ? w.Value as IDictionary<string, object?> : null;
        var selected = context.FieldAst.SelectionSet is { } set ? SelectionCollector.Collect([set], context.Document, _ => true) : [];
        return new RecordWatch(model, _services.Filters.Translate(model, where),
            _services.Projections, SelectionCollector.Under(selected, recordField).ToList(), context.Document);
    }

    /// <summary>The source of the aggregate type's fields for the field's <c>where</c>, read on the context's DbContext.</summary>
    public object Aggregate(IResolveFieldContext context, EntityModel model) => AggregateFields.Source(context, model, _services);
}
