using System.Linq.Expressions;
using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>Untyped view of <see cref="EntityGraphType{T}"/> for the schema builder.</summary>
public interface IEntityGraphType : IObjectGraphType
{
    EntityModel Model { get; }
}

/// <summary>
/// An entity's GraphQL object type, declared by the API. Fields declared here drive filtering, sorting,
/// projection and paging; the <see cref="DataSchemaBuilder"/> turns them into GraphQL fields and inputs.
/// </summary>
public abstract class EntityGraphType<T> : ObjectGraphType<T>, IEntityGraphType where T : class
{
    public EntityModel Model { get; } = new(typeof(T));

    protected EntityGraphType()
    {
        Name = typeof(T).Name;
    }

    protected void Plural(string pluralName) => Model.PluralName = pluralName;

    protected FieldOptions Scalar<TValue>(Expression<Func<T, TValue>> member, string description, string? name = null) =>
        Add(new ScalarField(name ?? CamelCase(member), member, description));

    /// <summary>A scalar whose GraphQL type is given, with the conversion from the stored value.</summary>
    protected FieldOptions Scalar<TValue, TGraphType>(Expression<Func<T, TValue>> member, string description, Func<TValue, object?> convert, string? name = null)
        where TGraphType : IGraphType
    {
        var field = new ScalarField(name ?? CamelCase(member), member, description)
        {
            GraphType = typeof(TGraphType),
            Convert = value => convert((TValue)value!),
        };
        return Add(field);
    }

    protected FieldOptions Reference<TTarget>(Expression<Func<T, TTarget?>> member, string description, string? name = null) where TTarget : class =>
        Add(new ReferenceField(name ?? CamelCase(member), member, description));

    protected FieldOptions List<TTarget>(Expression<Func<T, IEnumerable<TTarget>>> member, string description, string? name = null) where TTarget : class =>
        Add(new ListField(name ?? CamelCase(member), member, typeof(TTarget), description));

    private FieldOptions Add(DataField field)
    {
        Model.Fields.Add(field);
        return new FieldOptions(field);
    }

    private static string CamelCase(LambdaExpression member)
    {
        var name = ((MemberExpression)member.Body).Member.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Opts a declared field out of filtering or sorting.</summary>
    protected sealed class FieldOptions(DataField field)
    {
        public FieldOptions NotFilterable() { field.IsFilterable = false; return this; }
        public FieldOptions NotSortable() { field.IsSortable = false; return this; }
    }
}
