using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>The key values and statistics of a group as expressions over the grouping, so SELECT and HAVING say them alike.</summary>
internal sealed class GroupTerms(ParameterExpression group, EntityModel model, IModel entities)
{
    private static readonly MethodInfo StandardDeviation =
        SampleFunction(nameof(NpgsqlAggregateDbFunctionsExtensions.StandardDeviationSample));

    private static readonly MethodInfo Variance = SampleFunction(nameof(NpgsqlAggregateDbFunctionsExtensions.VarianceSample));

    /// <summary>COUNT(*).</summary>
    public Expression Count() => Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [model.ClrType], group);

    /// <summary>sum, avg, min, max, stddev_samp or var_samp of a numeric field, as a double (null over no values).</summary>
    public Expression Statistic(ScalarField field, string function) => Statistic(group, model.ClrType, field, function);

    /// <summary>
    /// A statistic of a numeric field over <paramref name="rows"/> of <paramref name="element"/>: over a group, or over a
    /// relation's rows to sort by.
    /// </summary>
    public static Expression Statistic(Expression rows, Type element, ScalarField field, string function)
    {
        var y = Expression.Parameter(element, "y");
        var member = ParameterRebinder.Rebind(field.Member, y);
        if (function is "stddev" or "variance")
        {
            var values = Linq.Select(rows, element, Expression.Lambda(Expression.Convert(member, typeof(double)), y));
            return Expression.Call(function == "stddev" ? StandardDeviation : Variance, Expression.Constant(EF.Functions), values);
        }
        return Expression.Call(typeof(Enumerable), function switch
        {
            "sum" => nameof(Enumerable.Sum),
            "avg" => nameof(Enumerable.Average),
            "min" => nameof(Enumerable.Min),
            _ => nameof(Enumerable.Max),
        }, [element], rows, Expression.Lambda(Expression.Convert(member, typeof(double?)), y));
    }

    /// <summary>COUNT(DISTINCT …) of a field's non-null values; a relation counts the distinct related keys.</summary>
    public Expression DistinctCount(DataField field)
    {
        var y = Expression.Parameter(model.ClrType, "y");
        var value = KeyValue(field, y, entities);
        var values = Linq.Select(group, model.ClrType, Expression.Lambda(value, y));
        if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null)
        {
            // Non-null values only: a related row's key read through a join is counted in a subquery, where null is a value.
            var v = Expression.Parameter(value.Type, "v");
            values = Linq.Where(values, value.Type,
                Expression.Lambda(Expression.NotEqual(v, Expression.Constant(null, value.Type)), v));
        }
        var distinct = Expression.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [value.Type], values);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [value.Type], distinct);
    }

    /// <summary>
    /// A field's value in an entity <paramref name="x"/>; a relation's is its foreign key column, read as the EF model maps it
    /// (not through the navigation, which EF Core would join in an aggregate's argument, counting a missing relation once),
    /// or, when the key is on the related side (a one-to-one's principal), the related row's key.
    /// </summary>
    public static Expression KeyValue(DataField field, ParameterExpression x, IModel entities)
    {
        if (field is not ReferenceField) return ParameterRebinder.Rebind(field.Member, x);
        var navigation = entities.FindEntityType(x.Type)!.FindNavigation(field.Property.Name)!;
        if (!navigation.IsOnDependent)
        {
            var related = ParameterRebinder.Rebind(field.Member, x);
            var key = navigation.TargetEntityType.FindPrimaryKey()!.Properties.Single();
            return Expression.Convert(Expression.Property(related, key.PropertyInfo!), typeof(int?));
        }
        var foreignKey = navigation.ForeignKey.Properties.Single();
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [foreignKey.ClrType], x, Expression.Constant(foreignKey.Name));
        return Expression.Convert(column, typeof(int?));
    }

    private static MethodInfo SampleFunction(string name) =>
        typeof(NpgsqlAggregateDbFunctionsExtensions).GetMethod(name, [typeof(DbFunctions), typeof(IEnumerable<double>)])!;
}
