using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// <c>&lt;plural&gt;Aggregate(where:)</c>: count, sum/avg/min/max of numeric fields, and groups by enum, boolean,
/// scalar or relation fields — each computed by GROUP BY in the database.
/// </summary>
internal static class AggregateFields
{
    private sealed record NumericValues(AggregateRow Row, int Function);

    private sealed record Group(AggregateRow Row, IReadOnlyList<DataField> By);

    public static IEnumerable<IGraphType> Types(EntityModel model, ModelRegistry models)
    {
        var numeric = AggregateModel.NumericFields(model);
        if (numeric.Count > 0)
        {
            var numbers = new ObjectGraphType
            {
                Name = AggregateModel.NumericTypeName(model),
                Description = $"A statistic of each numeric field of {model.PluralName}; null over no rows.",
            };
            foreach (var (field, index) in numeric.Select((f, i) => (f, i)))
            {
                numbers.AddField(new FieldType
                {
                    Name = field.Name,
                    Type = typeof(FloatGraphType),
                    Description = field.Description,
                    Resolver = new FuncFieldResolver<NumericValues, object?>(c =>
                        c.Source.Row.Numbers[index * AggregateModel.Functions.Length + c.Source.Function]),
                });
            }
            yield return numbers;
        }

        var groupFields = AggregateModel.GroupFields(model);
        var groupField = new EnumerationGraphType
        {
            Name = AggregateModel.GroupFieldTypeName(model),
            Description = $"A field to group {model.PluralName} by.",
        };
        foreach (var field in groupFields) groupField.Add(field.Name.ToConstantCase(), field.Name, field.Description);
        yield return groupField;

        var key = new ObjectGraphType
        {
            Name = AggregateModel.GroupKeyTypeName(model),
            Description = $"The values a group of {model.PluralName} shares; fields not grouped by are null.",
        };
        foreach (var field in groupFields)
        {
            var name = field.Name;
            key.AddField(new FieldType
            {
                Name = name,
                Description = field.Description,
                Type = field is ScalarField scalar ? ScalarTypes.NamedGraphType(scalar.ValueType) : null,
                ResolvedType = field is ReferenceField reference ? new GraphQLTypeReference(models[reference.TargetType].Name) : null,
                Resolver = new FuncFieldResolver<Group, object?>(c =>
                {
                    var index = c.Source.By.ToList().FindIndex(f => f.Name == name);
                    return index < 0 ? null : field is ReferenceField ? c.Source.Row.Related[index] : c.Source.Row.Keys[index];
                }),
            });
        }
        yield return key;

        var group = new ObjectGraphType
        {
            Name = AggregateModel.GroupTypeName(model),
            Description = $"A group of {model.PluralName} with its statistics.",
        };
        group.AddField(new FieldType
        {
            Name = "key",
            ResolvedType = new NonNullGraphType(key),
            Resolver = new FuncFieldResolver<Group, object?>(c => c.Source),
            Description = "What the rows of the group share.",
        });
        group.AddField(new FieldType
        {
            Name = "count",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = new FuncFieldResolver<Group, object?>(c => c.Source.Row.Count),
            Description = "Rows in the group.",
        });
        AddNumbers(group, model, numeric, c => Task.FromResult(((Group)c.Source!).Row));
        yield return group;

        var aggregate = new ObjectGraphType
        {
            Name = AggregateModel.AggregateTypeName(model),
            Description = $"Statistics of the {model.PluralName} that match `where`.",
        };
        aggregate.AddField(new FieldType
        {
            Name = "count",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Description = "Rows that match.",
            Resolver = new FuncFieldResolver<AggregateSource, object?>(async c => (await Summary(c)).Count),
        });
        AddNumbers(aggregate, model, numeric, Summary);
        aggregate.AddField(new FieldType
        {
            Name = "groups",
            Description = "The rows grouped by one or more fields (GROUP BY); by default the largest groups first.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(group))),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(groupField))))
                {
                    Name = "by",
                    Description = $"Fields to group by (at most {GroupKeys.MaxFields}).",
                },
                new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference("AggregateGroupSortInput"))))
                {
                    Name = "order",
                    Description = "Sort of the groups; default: count descending, then key.",
                },
                new QueryArgument<IntGraphType>
                {
                    Name = "first",
                    Description = "The most groups to return (default and maximum: the maximum page size).",
                }),
            Resolver = new FuncFieldResolver<AggregateSource, object?>(async c => await GroupsAsync(c, models)),
        });
        yield return aggregate;
    }

    public static InputObjectGraphType GroupSortInput()
    {
        var input = new InputObjectGraphType
        {
            Name = "AggregateGroupSortInput",
            Description = "A sort key of aggregate groups: set one field per element.",
        };
        input.AddField(new FieldType { Name = "count", Type = typeof(SortEnumGraphType), Description = "By the number of rows." });
        input.AddField(new FieldType
        {
            Name = "key",
            Type = typeof(SortEnumGraphType),
            Description = "By the group key values, in the order of `by`.",
        });
        return input;
    }

    public static FieldType Root(string name, EntityModel model, DataServices services) => new()
    {
        Name = name,
        Description = $"Statistics of {model.PluralName}: count, sum/avg/min/max and groups, computed in the database.",
        ResolvedType = new NonNullGraphType(new GraphQLTypeReference(AggregateModel.AggregateTypeName(model))),
        Arguments = new QueryArguments(new QueryArgument(new GraphQLTypeReference(model.FilterInputName))
        {
            Name = "where",
            Description = "Conditions the rows meet.",
        }),
        Resolver = new FuncFieldResolver<object>(context => Source(context, model, services)),
    };

    /// <summary>What the aggregate type's fields read: the rows of the field's <c>where</c>, on the context's DbContext.</summary>
    public static AggregateSource Source(IResolveFieldContext context, EntityModel model, DataServices services)
    {
        var where = context.Arguments is { } a && a.TryGetValue("where", out var w) ? w.Value as IDictionary<string, object?> : null;
        return new AggregateSource(model, services.Filters.Translate(model, where), Database.Of(context)) { Services = services };
    }

    private static void AddNumbers(ObjectGraphType type, EntityModel model, IReadOnlyList<ScalarField> numeric,
        Func<IResolveFieldContext, Task<AggregateRow>> row)
    {
        if (numeric.Count == 0) return;
        foreach (var (function, index) in AggregateModel.Functions.Select((f, i) => (f, i)))
        {
            type.AddField(new FieldType
            {
                Name = function,
                Description = $"The {function} of each numeric field.",
                ResolvedType = new NonNullGraphType(new GraphQLTypeReference(AggregateModel.NumericTypeName(model))),
                Resolver = new FuncFieldResolver<object?>(async c => new NumericValues(await row(c), index)),
            });
        }
    }

    private static Task<AggregateRow> Summary(IResolveFieldContext context)
    {
        var source = (AggregateSource)context.Source!;
        return source.SummaryAsync(source.Services, context.CancellationToken);
    }

    private static async Task<object?> GroupsAsync(IResolveFieldContext context, ModelRegistry models)
    {
        var source = (AggregateSource)context.Source!;
        var services = source.Services;
        var names = context.GetArgument<List<string>>("by");
        if (names.Count == 0) throw DataError.InvalidOrder("'by' needs at least one field to group by.");
        if (names.Count > GroupKeys.MaxFields)
            throw DataError.LimitExceeded("maxGroupFields", GroupKeys.MaxFields, names.Count, "The number of fields in 'by'");
        var by = names.Distinct().Select(n => source.Model.Find(n)!).ToList();

        var maximum = services.Options.MaxPageSize;
        var first = PagingArguments.PageSize(context.GetArgument<int?>("first"), "first", maximum, maximum);

        var order = new List<(string, bool)>();
        foreach (var item in context.Arguments?["order"].Value as IEnumerable<object?> ?? [])
        {
            foreach (var (field, direction) in (IDictionary<string, object?>)item!)
                if (direction is SortEnumType sort) order.Add((field, sort == SortEnumType.Desc));
        }

        // What `key { relation { … } }` selects, so that related objects are projected into the same statement.
        var groupSelections = context.FieldAst.SelectionSet is
        {
        } set ? SelectionCollector.Collect([set], context.Document, _ => true) : [];
        var keyFields = SelectionCollector.Collect(SelectionCollector.Under(groupSelections, "key"), context.Document, _ => true);
        var related = by.Select(f => (IEnumerable<GraphQLSelectionSet>)SelectionCollector.Under(keyFields, f.Name).ToList()).ToList();

        var rows = await source.GroupsAsync(by, order, first, related, context.Document, services, context.CancellationToken);
        return rows.Select(r => new Group(r, by)).ToList();
    }
}
