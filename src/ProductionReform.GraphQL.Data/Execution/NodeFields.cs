using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c>: one statement per entity type asked for.</summary>
internal static class NodeFields
{
    public static FieldType Node(DataServices services) => new()
    {
        Name = "node",
        Description = "The record with this global id, or null when there is none.",
        ResolvedType = new GraphQLTypeReference("Node"),
        Arguments = WithAsOf(new QueryArguments(
            new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "A global id." }), services),
        Resolver = new FuncFieldResolver<object>(async context =>
        {
            var found = await LoadAsync(context, [context.GetArgument<string>("id")], services);
            return found[0];
        }),
    };

    public static FieldType Nodes(DataServices services) => new()
    {
        Name = "nodes",
        Description = "The records with these global ids, in the same order; null where there is none.",
        ResolvedType = new NonNullGraphType(new ListGraphType(new GraphQLTypeReference("Node"))),
        Arguments = WithAsOf(new QueryArguments(
            new QueryArgument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>
            {
                Name = "ids", Description = "Global ids."
            }), services),
        Resolver = new FuncFieldResolver<object>(async context =>
            await LoadAsync(context, context.GetArgument<List<string>>("ids"), services)),
    };

    private static QueryArguments WithAsOf(QueryArguments arguments, DataServices services)
    {
        if (services.Past is not null) arguments.Add(AsOf.Argument());
        return arguments;
    }

    private static async Task<object?[]> LoadAsync(IResolveFieldContext context, IReadOnlyList<string> ids, DataServices services)
    {
        if (ids.Count > services.Options.MaxPageSize)
            throw DataError.LimitExceeded("maxPageSize", services.Options.MaxPageSize, ids.Count, "The number of ids");

        // Every id is decoded before any SQL runs, so one bad id refuses the whole field.
        var decoded = ids.Select(id =>
        {
            var (typeName, key) = GlobalId.Decode(id);
            var model = services.Models.FindByName(typeName) ?? throw DataError.InvalidId($"'{id}' names no type of this registry.");
            return (Model: model, Key: key);
        }).ToList();

        var selection = context.FieldAst.SelectionSet is { } set ? new[] { set } : [];
        var asOf = AsOf.Read(context);
        if (asOf is not null)
        {
            foreach (var model in decoded.Select(d => d.Model).Distinct()) AsOf.CheckSelection(model, selection, context.Document);
        }
        var found = await services.Nodes.LoadAsync(context, decoded.Select(d => (d.Model.Name, d.Key)), selection, asOf);
        return decoded.Select(d => found.GetValueOrDefault((d.Model.Name, d.Key))).ToArray();
    }
}
