using System.Linq.Expressions;
using System.Reflection;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// How many rows a to-many relation gives each parent, when the host's database keeps that count as rows change: an
/// unfiltered nested totalCount reads it instead of counting the parent's rows. The data layer keeps no counts itself.
/// </summary>
public interface IKeptCounts
{
    /// <summary>
    /// The count of the rows <paramref name="relation"/>, a member of <paramref name="parentType"/>, gives the parent
    /// whose key is <paramref name="parentKey"/>, as an expression EF Core translates over the query's
    /// <paramref name="context"/> (a <c>DbContext</c>); null when it is not kept.
    /// </summary>
    Expression? CountOf(Expression context, Type parentType, MemberInfo relation, Expression parentKey);
}
