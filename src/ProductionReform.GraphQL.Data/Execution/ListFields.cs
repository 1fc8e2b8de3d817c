using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>The list fields: root connections and segments, and nested connections of to-many relations.</summary>
internal static class ListFields
{
    public static FieldType RootConnection(string name, EntityModel model, DataServices services) => new()
    {
        Name = name,
        Description = $"{model.PluralName}: filter with `where`, sort with `order`, page with first/after or last/before.",
        ResolvedType = new GraphQLTypeReference(model.ConnectionName),
        Arguments = ConnectionArguments(model).WithAsOf(model, services),
        Resolver = new FuncFieldResolver<object>(async context =>
        {
            var request = ListRequest.Of(context, c => ListRequest.FromConnection(c, model, services));
            return await ListQuery.RootAsync(Database.Of(context, services), request, services, context.CancellationToken);
        }),
    };

    public static FieldType RootSegment(string name, EntityModel model, DataServices services) => new()
    {
        Name = name,
        Description = $"{model.PluralName} by offset (page numbers): skip rows, take a page.",
        ResolvedType = new GraphQLTypeReference(model.SegmentName),
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "skip", Description = "Rows to skip (default 0)." },
            new QueryArgument<IntGraphType> { Name = "take", Description = "Rows to return (default and maximum are configured)." },
            Where(model), Order(model)).WithAsOf(model, services),
        Resolver = new FuncFieldResolver<object>(async context =>
        {
            var request = ListRequest.Of(context, c => ListRequest.FromSegment(c, model, services));
            return await ListQuery.RootAsync(Database.Of(context, services), request, services, context.CancellationToken);
        }),
    };

    public static FieldType Nested(string name, EntityModel parent, ListField field, DataServices services)
    {
        var target = services.Models[field.TargetType];
        return new FieldType
        {
            Name = name,
            Description = field.Description,
            ResolvedType = new GraphQLTypeReference(target.ConnectionName),
            Arguments = ConnectionArguments(target),
            Resolver = new FuncFieldResolver<object>(context => FieldBatch.Enlist(context, parent.Name, parent.KeyOf(context.Source!), () =>
            {
                var request = ListRequest.Of(context, c => ListRequest.FromConnection(c, target, services));
                var db = Database.Of(context, services);
                return (parentKeys, cancellationToken) =>
                    ListQuery.NestedAsync(db, new NestedScope(parent, field, parentKeys), request, services, cancellationToken);
            }, Paging.Connection.Empty)),
        };
    }

    private static QueryArguments ConnectionArguments(EntityModel model) => new(
        new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first n rows (default and maximum are configured)." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the rows after this cursor." },
        new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last n rows." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the rows before this cursor." },
        Where(model), Order(model));

    /// <summary>Root lists of a type whose history is kept take <c>asOf</c>.</summary>
    private static QueryArguments WithAsOf(this QueryArguments arguments, EntityModel model, DataServices services)
    {
        if (AsOf.Offered(model, services)) arguments.Add(AsOf.Argument());
        return arguments;
    }

    private static QueryArgument Where(EntityModel model) =>
        new(new GraphQLTypeReference(model.FilterInputName)) { Name = "where", Description = "Conditions the rows meet." };

    private static QueryArgument Order(EntityModel model) =>
        new(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.SortInputName))))
        {
            Name = "order", Description = "Sort keys in order; the id breaks ties."
        };
}
