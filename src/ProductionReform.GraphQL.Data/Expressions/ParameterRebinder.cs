using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Expressions;

/// <summary>Puts a lambda's body over another instance: <c>x => x.Name</c> read on <c>p.Industry</c> is <c>p.Industry.Name</c>.</summary>
internal sealed class ParameterRebinder(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Rebind(LambdaExpression member, Expression instance) =>
        new ParameterRebinder(member.Parameters[0], instance).Visit(member.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
