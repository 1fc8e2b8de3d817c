using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Sorting;

/// <summary>One key of an order: an expression over the entity and its direction.</summary>
internal sealed record SortKey(string Path, LambdaExpression Key, bool Descending)
{
    public Type Type => Key.ReturnType;

    public SortKey Reversed() => this with { Descending = !Descending };
}
