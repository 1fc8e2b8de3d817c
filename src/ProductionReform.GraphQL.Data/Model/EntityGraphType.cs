using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Model;

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

    /// <summary>The declared fields that find an existing record on import (a relation by its field); a unique index backs them.</summary>
    protected void NaturalKey(params Expression<Func<T, object?>>[] members) => Model.NaturalKey.AddRange(members.Select(Declared));

    /// <summary>
    /// Makes the type searchable: <paramref name="subject"/> names it (<c>Enterprises 企业</c>) among the searched types.
    /// </summary>
    protected void SearchedAs(string subject) => Model.SearchSubject = subject;

    protected FieldOptions Scalar<TValue>(Expression<Func<T, TValue>> member, string description, string? name = null) =>
        Add(new ScalarField(name ?? CamelCase(member), member, description));

    /// <summary>A scalar whose GraphQL type is given, with the conversion from the stored value.</summary>
    protected FieldOptions Scalar<TValue, TGraphType>(
        Expression<Func<T, TValue>> member, string description, Func<TValue, object?> convert, string? name = null)
        where TGraphType : IGraphType
    {
        var field = new ScalarField(name ?? CamelCase(member), member, description)
        {
            GraphType = typeof(TGraphType),
            Convert = value => convert((TValue)value!),
        };
        return Add(field);
    }

    protected FieldOptions Reference<TTarget>(Expression<Func<T, TTarget?>> member, string description, string? name = null)
        where TTarget : class =>
        Add(new ReferenceField(name ?? CamelCase(member), member, description));

    protected FieldOptions List<TTarget>(Expression<Func<T, IEnumerable<TTarget>>> member, string description, string? name = null)
        where TTarget : class =>
        Add(new ListField(name ?? CamelCase(member), member, typeof(TTarget), description));

    private FieldOptions Add(DataField field)
    {
        Model.Fields.Add(field);
        return new FieldOptions(field);
    }

    private static string CamelCase(LambdaExpression member) => NameCase.CamelCase(((MemberExpression)member.Body).Member.Name);

    private DataField Declared(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        var property = body is MemberExpression { Member: PropertyInfo info } ? info.Name : null;
        return Model.Fields.Find(f => f.Property.Name == property)
               ?? throw new ArgumentException($"'{member}' must read a field declared before, e.g. x => x.Name.", nameof(member));
    }

    /// <summary>What else a declared field is: not filterable or sortable, writable, searched.</summary>
    protected sealed class FieldOptions(DataField field)
    {
        public FieldOptions NotFilterable() { field.IsFilterable = false; return this; }
        public FieldOptions NotSortable() { field.IsSortable = false; return this; }

        /// <summary>Mutations set the field (a relation by global id, a list by its set of ids) and imports read it.</summary>
        public FieldOptions Writable(Action<WriteOptions>? configure = null)
        {
            field.Write = new WriteOptions(field.Name);
            configure?.Invoke(field.Write);
            return this;
        }

        /// <summary><c>search</c> looks in this text column; see <see cref="Model.SearchWeight"/>.</summary>
        public FieldOptions Searchable(double weight)
        {
            field.SearchWeight = weight;
            return this;
        }
    }
}
