using System.Linq.Expressions;
using System.Reflection;
using GraphQLParser.AST;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>
/// Builds <c>new T { Key = x.Key, Name = x.Name, Industry = x.Industry == null ? null : new Industry { … } }</c>
/// from the selection: only selected columns are read, and to-one relations join into the same statement.
/// </summary>
internal sealed class ProjectionBuilder(ModelRegistry models)
{
    public Expression Build(EntityModel model, Expression source, IEnumerable<GraphQLSelectionSet> selectionSets, GraphQLDocument document)
    {
        var fields = SelectionCollector.Collect(selectionSets, document, model.AppliesTo);
        var bindings = new Dictionary<PropertyInfo, Expression> { [model.Key] = Expression.Property(source, model.Key) };
        foreach (var (name, asts) in fields)
        {
            switch (model.Find(name))
            {
                case ScalarField scalar:
                    bindings[scalar.Property] = ParameterRebinder.Rebind(scalar.Member, source);
                    break;
                case ReferenceField reference:
                    var target = ParameterRebinder.Rebind(reference.Member, source);
                    var nested = Build(models[reference.TargetType], target,
                        asts.Select(a => a.SelectionSet).OfType<GraphQLSelectionSet>(), document);
                    bindings[reference.Property] = Expression.Condition(
                        Expression.Equal(target, Expression.Constant(null, target.Type)),
                        Expression.Constant(null, target.Type),
                        nested);
                    break;
            }
        }
        return Expression.MemberInit(Expression.New(model.ClrType), bindings.Select(b => Expression.Bind(b.Key, b.Value)));
    }

    /// <summary><c>x => new ProjectedRow { Node = …, Keys = new object[] { key1, key2, … } }</c>.</summary>
    public LambdaExpression Rows(EntityModel model, IEnumerable<GraphQLSelectionSet> selectionSets, GraphQLDocument document,
        IEnumerable<LambdaExpression> keys)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var node = Build(model, x, selectionSets, document);
        var keyValues = keys.Select(k => Expression.Convert(ParameterRebinder.Rebind(k, x), typeof(object)));
        return Expression.Lambda(Expression.MemberInit(Expression.New(typeof(ProjectedRow)),
            Expression.Bind(typeof(ProjectedRow).GetProperty(nameof(ProjectedRow.Node))!, Expression.Convert(node, typeof(object))),
            Expression.Bind(typeof(ProjectedRow).GetProperty(nameof(ProjectedRow.Keys))!,
                Expression.NewArrayInit(typeof(object), keyValues))), x);
    }
}
