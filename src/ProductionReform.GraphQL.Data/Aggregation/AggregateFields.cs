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
/// <c>&lt;plural&gt;Aggregate(where:)</c>: count, distinct counts, sum/avg/min/max/stddev/variance of numeric fields, and
/// groups by enum, boolean, scalar or relation fields and time buckets, filtered by <c>having</c> — each computed by
/// GROUP BY in the database.
/// </summary>
internal static class AggregateFields
{
    private const string TimeUnitTypeName = "TimeUnit";
    private const string TimeBucketTypeName = "TimeBucket";
    private const string GroupSortInputName = "AggregateGroupSortInput";

    private sealed record NumericValues(AggregateRow Row, int Function);

    private sealed record DistinctValues(AggregateRow Row, IReadOnlyList<DataField> Fields);

    private sealed record Group(AggregateRow Row, AggregateRequest Request);

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
        var distinct = new ObjectGraphType
        {
            Name = AggregateModel.DistinctCountTypeName(model),
            Description = $"The number of distinct non-null values of each field of {model.PluralName} (COUNT(DISTINCT …)); "
                + "a relation counts the distinct related records. Only the selected fields are counted.",
        };
        foreach (var field in groupFields)
        {
            distinct.AddField(new FieldType
            {
                Name = field.Name,
                Type = typeof(NonNullGraphType<IntGraphType>),
                Description = field.Description,
                Resolver = new FuncFieldResolver<DistinctValues, object?>(c =>
                    c.Source.Row.DistinctCounts[c.Source.Fields.ToList().FindIndex(f => f.Name == field.Name)]),
            });
        }
        yield return distinct;

        var groupField = new EnumerationGraphType
        {
            Name = AggregateModel.GroupFieldTypeName(model),
            Description = $"A field to group {model.PluralName} by.",
        };
        foreach (var field in groupFields) groupField.Add(field.Name.ToConstantCase(), field.Name, field.Description);
        yield return groupField;

        var dateFields = AggregateModel.DateFields(model);
        InputObjectGraphType? bucketInput = null;
        if (dateFields.Count > 0)
        {
            var dateField = new EnumerationGraphType
            {
                Name = AggregateModel.DateFieldTypeName(model),
                Description = $"A date or date-time field of {model.PluralName}, to group by time buckets of.",
            };
            foreach (var field in dateFields) dateField.Add(field.Name.ToConstantCase(), field.Name, field.Description);
            yield return dateField;
            yield return bucketInput = BucketInput(model, dateField);
        }

        foreach (var havingType in HavingInputTypes.Types(model)) yield return havingType;

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
                    var index = c.Source.Request.By.ToList().FindIndex(f => f.Name == name);
                    return index < 0 ? null : field is ReferenceField ? c.Source.Row.Related[index] : c.Source.Row.Keys[index];
                }),
            });
        }
        if (bucketInput is not null)
        {
            key.AddField(new FieldType
            {
                Name = "bucket",
                Description = "The time bucket of the group (its start and unit); null when not grouped by one, "
                    + "or for rows without a date.",
                ResolvedType = new GraphQLTypeReference(TimeBucketTypeName),
                Resolver = new FuncFieldResolver<Group, object?>(c => c.Source.Request.Bucket is { } bucket
                    && c.Source.Row.Keys[c.Source.Request.By.Count] is DateOnly start ? new TimeBucket(start, bucket.Unit) : null),
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
            Description = "Rows in the group (0 for an empty time bucket that `fill` added).",
        });
        AddStatistics(group, model, numeric, c =>
        {
            var source = (Group)c.Source!;
            return Task.FromResult(new DistinctValues(source.Row, source.Request.Distinct));
        });
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
            Resolver = new FuncFieldResolver<AggregateSource, object?>(async c => (await Summary(c)).Row.Count),
        });
        AddStatistics(aggregate, model, numeric, Summary);
        aggregate.AddField(GroupsField(model, models, groupField, bucketInput, group));
        yield return aggregate;
    }

    /// <summary>The types every aggregate shares: the sort of groups and the time bucket with its unit.</summary>
    public static IEnumerable<IGraphType> SharedTypes()
    {
        var sort = new InputObjectGraphType
        {
            Name = GroupSortInputName,
            Description = "A sort key of aggregate groups: set one field per element.",
        };
        sort.AddField(new FieldType { Name = "count", Type = typeof(SortEnumGraphType), Description = "By the number of rows." });
        sort.AddField(new FieldType
        {
            Name = "key",
            Type = typeof(SortEnumGraphType),
            Description = "By the group key values, in the order of `by`, then the time bucket.",
        });
        yield return sort;

        yield return new EnumerationGraphType<TimeUnit> { Name = TimeUnitTypeName };

        var bucket = new ObjectGraphType { Name = TimeBucketTypeName, Description = "A time bucket: the calendar unit starting on a day." };
        bucket.AddField(new FieldType
        {
            Name = "start",
            Type = typeof(NonNullGraphType<Model.DateGraphType>),
            Description = "The first day of the bucket.",
            Resolver = new FuncFieldResolver<TimeBucket, object?>(c => c.Source.Start),
        });
        bucket.AddField(new FieldType
        {
            Name = "unit",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(TimeUnitTypeName)),
            Description = "The length of the bucket.",
            Resolver = new FuncFieldResolver<TimeBucket, object?>(c => c.Source.Unit),
        });
        yield return bucket;
    }

    public static FieldType Root(string name, EntityModel model, DataServices services) => new()
    {
        Name = name,
        Description = $"Statistics of {model.PluralName}: count, distinct counts, sum/avg/min/max/stddev/variance and groups, "
            + "computed in the database.",
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
        return new AggregateSource(model, services.Filters.Translate(model, where), Database.Of(context, services)) { Services = services };
    }

    private static InputObjectGraphType BucketInput(EntityModel model, EnumerationGraphType dateField)
    {
        var input = new InputObjectGraphType
        {
            Name = AggregateModel.TimeBucketInputName(model),
            Description = $"Groups {model.PluralName} by the calendar {TimeUnitTypeName} a date falls in (date-times in UTC).",
        };
        input.AddField(new FieldType
        {
            Name = "field", ResolvedType = new NonNullGraphType(dateField), Description = "The date or date-time to bucket.",
        });
        input.AddField(new FieldType
        {
            Name = "unit",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(TimeUnitTypeName)),
            Description = "YEAR, QUARTER, MONTH or DAY.",
        });
        input.AddField(new FieldType
        {
            Name = "fill",
            Type = typeof(BooleanGraphType),
            DefaultValue = false,
            Description = "Also return the empty buckets (count 0, statistics null) between each series' first and last bucket, "
                + "for a continuous time axis. Groups come in key order; not with `having` or an order by count.",
        });
        return input;
    }

    private static FieldType GroupsField(EntityModel model, ModelRegistry models, EnumerationGraphType groupField,
        InputObjectGraphType? bucketInput, ObjectGraphType group)
    {
        var arguments = new QueryArguments(
            new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(groupField))))
            {
                Name = "by",
                DefaultValue = new List<object>(),
                Description = $"Fields to group by (at most {GroupKeys.MaxFields}, a time bucket counting as one).",
            });
        if (bucketInput is not null)
        {
            arguments.Add(new QueryArgument(bucketInput)
            {
                Name = "bucket",
                Description = "Also group by the time bucket of a date field (after the fields of `by`).",
            });
        }
        arguments.Add(new QueryArgument(new GraphQLTypeReference(AggregateModel.HavingInputName(model)))
        {
            Name = "having",
            Description = "Conditions the groups meet (SQL HAVING), e.g. `{ count: { gte: 2 } }`.",
        });
        arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GroupSortInputName))))
        {
            Name = "order",
            Description = "Sort of the groups; default: count descending, then key; with a time bucket: key ascending.",
        });
        arguments.Add(new QueryArgument<IntGraphType>
        {
            Name = "first",
            Description = "The most groups to return (default and maximum: the maximum page size).",
        });
        return new FieldType
        {
            Name = "groups",
            Description = "The rows grouped by fields and a time bucket (GROUP BY), kept by `having`; by default the largest "
                + "groups first, or with a time bucket in time order.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(group))),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<AggregateSource, object?>(async c => await GroupsAsync(c, models)),
        };
    }

    private static void AddStatistics(ObjectGraphType type, EntityModel model, IReadOnlyList<ScalarField> numeric,
        Func<IResolveFieldContext, Task<DistinctValues>> statistics)
    {
        type.AddField(new FieldType
        {
            Name = "distinctCount",
            Description = "The number of distinct non-null values of each field (COUNT(DISTINCT …)).",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(AggregateModel.DistinctCountTypeName(model))),
            Resolver = new FuncFieldResolver<object?>(async c => await statistics(c)),
        });
        if (numeric.Count == 0) return;
        foreach (var (function, index) in AggregateModel.Functions.Select((f, i) => (f, i)))
        {
            type.AddField(new FieldType
            {
                Name = function,
                Description = AggregateModel.Describe(function),
                ResolvedType = new NonNullGraphType(new GraphQLTypeReference(AggregateModel.NumericTypeName(model))),
                Resolver = new FuncFieldResolver<object?>(async c => new NumericValues((await statistics(c)).Row, index)),
            });
        }
    }

    /// <summary>
    /// The summary of the aggregate field (root or a connection's) that <paramref name="context"/>'s field is under: one read
    /// per aggregate field, counting the distinct values that field selects.
    /// </summary>
    private static async Task<DistinctValues> Summary(IResolveFieldContext context)
    {
        var source = (AggregateSource)context.Source!;
        var aggregateField = context.Parent!.FieldAst;
        var distinct = DistinctFields(source.Model, aggregateField.SelectionSet is { } set ? [set] : [], context.Document);
        return new DistinctValues(await source.SummaryAsync(aggregateField, distinct, context.CancellationToken), distinct);
    }

    private static async Task<object?> GroupsAsync(IResolveFieldContext context, ModelRegistry models)
    {
        var source = (AggregateSource)context.Source!;
        var services = source.Services;
        var model = source.Model;
        var names = context.GetArgument<List<string>>("by") ?? [];
        var bucket = Bucket(model, Argument(context, "bucket"));
        if (names.Count == 0 && bucket is null)
            throw DataError.InvalidArgument("'by' needs at least one field to group by, or 'bucket' a date field.");
        var keyCount = names.Count + (bucket is null ? 0 : 1);
        if (keyCount > GroupKeys.MaxFields)
            throw DataError.LimitExceeded("maxGroupFields", GroupKeys.MaxFields, keyCount, "The number of fields in 'by' and 'bucket'");
        var by = names.Distinct().Select(n => model.Find(n)!).ToList();

        var maximum = services.Options.MaxPageSize;
        var first = PagingArguments.PageSize(context.GetArgument<int?>("first"), "first", maximum, maximum);

        var order = new List<(string, bool)>();
        foreach (var item in Argument(context, "order") as IEnumerable<object?> ?? [])
        {
            foreach (var (field, direction) in (IDictionary<string, object?>)item!)
                if (direction is SortEnumType sort) order.Add((field, sort == SortEnumType.Desc));
        }

        var having = Argument(context, "having") as IDictionary<string, object?>;
        if (bucket is { Fill: true })
        {
            // An empty bucket is one without rows: one that having removed or a count order moved is not.
            if (having is { Count: > 0 }) throw DataError.InvalidArgument("'bucket.fill' cannot be combined with 'having'.");
            if (order.Any(o => o.Item1 == "count"))
                throw DataError.InvalidArgument("'bucket.fill' needs the groups in key order; remove 'count' from 'order'.");
        }

        // What `key { relation { … } }` selects, so that related objects are projected into the same statement.
        var groupSelections = SelectionCollector.Collect(Selections(context), context.Document, _ => true);
        var keyFields = SelectionCollector.Collect(SelectionCollector.Under(groupSelections, "key"), context.Document, _ => true);
        var request = new AggregateRequest
        {
            By = by,
            Bucket = bucket,
            Having = having,
            Order = order,
            First = first,
            Distinct = DistinctFields(model, Selections(context), context.Document),
            RelatedSelections =
                by.Select(f => (IEnumerable<GraphQLSelectionSet>)SelectionCollector.Under(keyFields, f.Name).ToList()).ToList(),
            Document = context.Document,
        };

        var rows = await source.GroupsAsync(context.FieldAst, request, context.CancellationToken);
        return rows.Select(r => new Group(r, request)).ToList();
    }

    private static TimeBucketRequest? Bucket(EntityModel model, object? argument) => argument is IDictionary<string, object?> bucket
        ? new TimeBucketRequest(AggregateModel.DateFields(model).First(f => f.Name == (string)bucket["field"]!), (TimeUnit)bucket["unit"]!,
            bucket.TryGetValue("fill", out var fill) && fill is true)
        : null;

    /// <summary>The fields selected under <c>distinctCount</c> of the field being resolved.</summary>
    private static List<DataField> DistinctFields(EntityModel model, IEnumerable<GraphQLSelectionSet> selections, GraphQLDocument document)
    {
        var fields = SelectionCollector.Collect(selections, document, _ => true);
        var counted = SelectionCollector.Collect(SelectionCollector.Under(fields, "distinctCount"), document, _ => true);
        return AggregateModel.GroupFields(model).Where(f => counted.ContainsKey(f.Name)).ToList();
    }

    private static IEnumerable<GraphQLSelectionSet> Selections(IResolveFieldContext context) =>
        context.FieldAst.SelectionSet is { } set ? [set] : [];

    private static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
