using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Http;
using ProductionReform.Api.Limits;
using ProductionReform.Api.Live;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// The Subscription type: per list <c>&lt;plural&gt;Changed(where:)</c> (its records as they change, filtered by the list's
/// own filter input) and <c>&lt;plural&gt;AggregateChanged(where:)</c> (its aggregate, again after each burst of changes),
/// and <c>changed(lists:)</c> for the records of several lists. Events come from the <see cref="RegistryChangeHub"/>.
/// </summary>
public static class SubscriptionFields
{
    private const string RecordField = "record";

    public static ObjectGraphType Build(IEnumerable<EntityModel> models, LiveReads live)
    {
        var subscription = new ObjectGraphType
        {
            Name = "Subscription",
            Description = "Changes of the registry as they are committed, over graphql-transport-ws or server-sent events at /graphql.",
        };
        var lists = models.ToList();
        foreach (var model in lists)
        {
            var payload = new RecordChangeType(model.Name + "Change", new GraphQLTypeReference(model.Name),
                $"The {model.Name} after the write, as selected; null when it was deleted.");
            subscription.AddField(Changed(model.ListName + "Changed", payload, [model], live,
                $"{model.PluralName} as they are created, updated or deleted. With `where`, only the records that match after the "
                + "write; a deletion reaches every subscriber of the list (the record is gone and cannot be matched)."));
            subscription.AddField(AggregateChanged(model, live));
        }
        subscription.AddField(ChangedOfLists(lists, live));
        return subscription;
    }

    private static FieldType Changed(string name, RecordChangeType payload, IReadOnlyList<EntityModel> models, LiveReads live,
        string description) => new()
        {
            Name = name,
            Description = description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(LiveReads.Where(models[0])),
            Resolver = SourceResolver,
            StreamResolver = new SourceStreamResolver<RecordChange>(context => Stream(context, models, live)),
        };

    private static FieldType ChangedOfLists(IReadOnlyList<EntityModel> models, LiveReads live)
    {
        var payload = new RecordChangeType("RecordChange", new GraphQLTypeReference("Node"),
            "The record after the write, as selected (with fragments `... on Enterprise`); null when it was deleted.");
        var listNames = models.Select(m => m.ListName).ToList();
        return new FieldType
        {
            Name = "changed",
            Description = "Records of the given lists (all when left out) as they are created, updated or deleted.",
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "lists",
                Description = "Only the records of these root lists (enterprises, regions…); default all.",
            }),
            Resolver = SourceResolver,
            StreamResolver = new SourceStreamResolver<RecordChange>(context =>
            {
                var names = context.GetArgument<List<string>?>("lists") ?? listNames;
                if (names.FirstOrDefault(name => !listNames.Contains(name)) is { } unknown)
                {
                    throw new DataError(ErrorCodes.InvalidArgument, $"'{unknown}' in `lists` is not a root list of the registry.")
                        .AddExtension("validNames", listNames);
                }
                return Stream(context, models.Where(m => names.Contains(m.ListName)).ToList(), live);
            }),
        };
    }

    private static FieldType AggregateChanged(EntityModel model, LiveReads live) => new()
    {
        Name = model.ListName + "AggregateChanged",
        Description = $"`{model.ListName}Aggregate(where:)` now, and again after each burst of changes to {model.PluralName} "
            + "(changes close together are answered by one evaluation).",
        ResolvedType = LiveReads.AggregateType(model),
        Arguments = new QueryArguments(LiveReads.Where(model)),
        // Runs for every tick, on the tick's own services: the aggregate is read then.
        Resolver = new FuncFieldResolver<object>(context => live.Aggregate(context, model)),
        StreamResolver = new SourceStreamResolver<long>(context =>
        {
            live.Aggregate(context, model); // a bad `where` is refused now, not at the first tick
            var services = context.RequestServices!;
            var limits = services.GetRequiredService<IOptions<LimitsOptions>>().Value.Subscriptions;
            return new AggregateTicks(services.GetRequiredService<RegistryChangeHub>(), model.ListName, limits.AggregateCoalesce);
        }),
    };

    private static readonly IFieldResolver SourceResolver = new FuncFieldResolver<object?>(context => context.Source);

    private static RecordChangeStream Stream(IResolveFieldContext context, IReadOnlyList<EntityModel> models, LiveReads live)
    {
        var services = context.RequestServices!;
        var watched = models.ToDictionary(m => m.ListName, m => (m, live.Watch(context, m, RecordField)));
        return new RecordChangeStream(services.GetRequiredService<RegistryChangeHub>(),
            services.GetRequiredService<IServiceScopeFactory>(), watched);
    }
}
