using System.Linq.Expressions;
using System.Text.Json;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Filtering;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// Reads every row of an entity list outside a GraphQL request (a file export), with <c>where</c> and <c>order</c>
/// given as JSON and meaning what the list field's arguments mean: coerced by GraphQL.NET, translated by the same
/// translators, read through the same <see cref="QueryKernel"/>.
/// </summary>
public sealed class ListReader
{
    private readonly ModelRegistry _models;
    private readonly VariableCoercer _coercer;
    private readonly FilterTranslator _filters;

    /// <param name="schema">The schema the models were built into.</param>
    public ListReader(ISchema schema, ModelRegistry models, DataOptions options)
    {
        _models = models;
        _coercer = new VariableCoercer(schema);
        _filters = new FilterTranslator(models, options);
    }

    /// <summary>
    /// Checks and translates JSON <paramref name="where"/> and <paramref name="order"/>, coerced as variables of types
    /// <c>&lt;Name&gt;FilterInput</c> and <c>[&lt;Name&gt;SortInput!]</c>, as the list field's arguments are.
    /// </summary>
    /// <param name="row">What each row is read as: <c>x =&gt; new object?[] { … }</c>, one value per column.</param>
    /// <exception cref="DataError">INVALID_FILTER, INVALID_ORDER or LIMIT_EXCEEDED, with a message naming the path.</exception>
    public async Task<ListRead> PrepareAsync(EntityModel model, JsonElement? where, JsonElement? order, LambdaExpression row)
    {
        var coercedWhere = where is { } w
            ? await _coercer.CoerceAsync("where", model.FilterInputName, w, DataError.InvalidFilter)
            : null;
        var coercedOrder = order is { } o
            ? await _coercer.CoerceAsync("order", $"[{model.SortInputName}!]", o, DataError.InvalidOrder)
            : null;
        return new ListRead(new QueryPlan(model)
        {
            Filter = _filters.Translate(model, coercedWhere as IDictionary<string, object?>),
            Order = SortTranslator.Translate(model, _models, coercedOrder as IEnumerable<object?>),
            Selector = row,
        });
    }
}
