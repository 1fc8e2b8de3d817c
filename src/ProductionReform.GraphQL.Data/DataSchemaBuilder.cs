using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Filtering;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Querying;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data;

/// <summary>
/// Turns the declared entity types into a schema with HotChocolate's data conventions: global ids and
/// <c>node</c>/<c>nodes</c>, a connection and a collection segment per root list, <c>where</c>/<c>order</c>
/// inputs, and batched nested connections for every to-many relation.
/// </summary>
public sealed class DataSchemaBuilder
{
    private readonly List<IEntityGraphType> _types = [];
    private readonly DataOptions _options;
    private readonly Type _contextType;
    private readonly IModel? _store;

    /// <param name="contextType">
    /// The type a request's DbContext is registered as in its services, the host's own. Registered under that type only:
    /// a pooled context that a second registration also hands out is disposed twice, so it goes back to the pool twice,
    /// the second time while another request may already be using it.
    /// </param>
    /// <param name="store">
    /// The EF model with its design-time annotations, when known: text columns with a trigram index take <c>matches</c>.
    /// </param>
    public DataSchemaBuilder(DataOptions options, Type contextType, IModel? store = null) =>
        (_options, _contextType, _store) = (options, contextType, store);

    public ModelRegistry Models { get; } = new();

    /// <summary>The entity types added, in order (for fields the API adds to every type).</summary>
    public IReadOnlyList<IEntityGraphType> Types => _types;

    /// <summary>
    /// Loads projected records by type and key for fields that find <c>Node</c>s by other means; set by <see cref="Build"/>.
    /// </summary>
    public NodeLoader Nodes { get; private set; } = null!;

    /// <summary>The history behind <c>asOf</c>; without it no field takes <c>asOf</c>.</summary>
    public IPastRows? Past { get; set; }

    /// <summary>The counts per parent the database keeps; null counts every nested totalCount.</summary>
    public IKeptCounts? KeptCounts { get; set; }

    /// <summary>The reads of subscriptions (changed records, re-evaluated aggregates); set by <see cref="Build"/>.</summary>
    public LiveReads Live { get; private set; } = null!;

    public DataSchemaBuilder Add(IEntityGraphType type)
    {
        _types.Add(type);
        return this;
    }

    /// <summary>Registers the types on <paramref name="schema"/> and adds the root fields to <paramref name="query"/>.</summary>
    public void Build(ISchema schema, ObjectGraphType query)
    {
        foreach (var type in _types)
        {
            type.Model.Name = type.Name;
            type.Model.Interfaces.Add("Node");
            foreach (var scalar in type.Model.Fields.OfType<ScalarField>())
            {
                if (!FilterInputTypes.IsFilterableScalar(scalar.ValueType)) scalar.IsFilterable = scalar.IsSortable = false;
                // A list has no order of its own; it filters with all/none/some/any/count.
                if (scalar.ElementType is not null) scalar.IsSortable = false;
            }
            if (_store is not null) TrigramIndexes.Mark(type.Model, _store);
            Models.Add(type.Model);
        }
        var services = new DataServices(Models, _options, _contextType, Past, KeptCounts);
        Nodes = services.Nodes;
        Live = new LiveReads(services);

        var node = new NodeInterface();
        schema.RegisterType(node);
        schema.RegisterType(new SortEnumGraphType());
        schema.RegisterType(PagingTypes.PageInfo());
        schema.RegisterType(PagingTypes.SegmentInfo());
        foreach (var shared in AggregateFields.SharedTypes()) schema.RegisterType(shared);

        foreach (var operations in FilterInputTypes.OperationTypes(_types.SelectMany(t => t.Model.Fields).OfType<ScalarField>()))
            schema.RegisterType(operations);

        foreach (var type in _types)
        {
            var model = type.Model;
            schema.RegisterType(FilterInputTypes.Entity(model, Models.All.ToDictionary(m => m.ClrType)));
            schema.RegisterType(FilterInputTypes.List(model));
            schema.RegisterType(SortInputTypes.Entity(model, Models));
            foreach (var sortInput in SortInputTypes.Aggregate(model)) schema.RegisterType(sortInput);
            schema.RegisterType(PagingTypes.Edge(model));
            schema.RegisterType(PagingTypes.Connection(model));
            schema.RegisterType(PagingTypes.Segment(model));
            foreach (var aggregateType in AggregateFields.Types(model, Models)) schema.RegisterType(aggregateType);

            AddFields(type, services);
            type.AddResolvedInterface(node);
            node.AddPossibleType(type);
            schema.RegisterType(type);

            var plural = model.ListName;
            query.AddField(ListFields.RootConnection(plural, model, services));
            query.AddField(ListFields.RootSegment(plural + "Page", model, services));
            query.AddField(AggregateFields.Root(plural + "Aggregate", model, services));
        }
        query.AddField(NodeFields.Node(services));
        query.AddField(NodeFields.Nodes(services));
    }

    private void AddFields(IEntityGraphType type, DataServices services)
    {
        var model = type.Model;
        type.AddField(new FieldType
        {
            Name = "id",
            Type = typeof(NonNullGraphType<IdGraphType>),
            Description = "The global id of this record (Relay object identification); `node(id:)` finds it.",
            Resolver = new FuncFieldResolver<object>(context => GlobalId.Encode(model.Name, model.KeyOf(context.Source!))),
        });
        foreach (var field in model.Fields)
        {
            type.AddField(field switch
            {
                ScalarField scalar => new FieldType
                {
                    Name = field.Name,
                    Description = field.Description,
                    Type = scalar.GraphType ?? OutputType(scalar),
                    Resolver = Getter(field, scalar.Convert),
                },
                ReferenceField reference => new FieldType
                {
                    Name = field.Name,
                    Description = field.Description,
                    ResolvedType = new GraphQLTypeReference(Models[reference.TargetType].Name),
                    Resolver = Getter(field, null),
                },
                ListField list => ListFields.Nested(field.Name, model, list, services),
                _ => throw new NotSupportedException(field.GetType().Name),
            });
        }
    }

    private static Type OutputType(ScalarField scalar) => ScalarTypes.ElementType(scalar.ValueType) is { } element
        ? typeof(NonNullGraphType<>).MakeGenericType(typeof(ListGraphType<>).MakeGenericType(
            typeof(NonNullGraphType<>).MakeGenericType(ScalarTypes.NamedGraphType(element))))
        : ScalarTypes.OutputGraphType(scalar, ScalarTypes.NamedGraphType(scalar.ValueType));

    private static IFieldResolver Getter(DataField field, Func<object?, object?>? convert)
    {
        // numeric(18,4) reads back as 20000.0000; clients expect 20000.
        if (convert is null && ScalarTypes.Underlying(field.Property.PropertyType) == typeof(decimal))
            convert = value => value is decimal number ? number / 1.000000000000000000000000000000000m : null;
        var source = Expression.Parameter(typeof(object), "source");
        var read = Expression.Lambda<Func<object, object?>>(
            Expression.Convert(
                Expression.Property(Expression.Convert(source, field.Property.DeclaringType!), field.Property), typeof(object)),
            source).Compile();
        return convert is null
            ? new FuncFieldResolver<object?>(context => read(context.Source!))
            : new FuncFieldResolver<object?>(context => convert(read(context.Source!)));
    }
}
