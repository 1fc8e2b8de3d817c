using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// The <c>asOf</c> argument: a read of the records as they stood at an instant (<see cref="Querying.IPastRows"/>).
/// Only what the past rows answer exactly is accepted — the record's own columns, in the selection, <c>where</c> and
/// <c>order</c>; a relation would be read as it stands now, so it is refused with <c>AS_OF_UNSUPPORTED</c>.
/// </summary>
internal static class AsOf
{
    public const string Name = "asOf";

    private const string OwnFieldsOnly = ": only the record's own fields can (read a related record with its own node(id:, asOf:)).";

    private static readonly string[] Always = ["id", "__typename"];

    public static QueryArgument Argument() => new QueryArgument<DateTimeOffsetGraphType>
    {
        Name = Name,
        Description = "Answer as the registry stood at this instant, rebuilt from the audit trail: records created later are " +
                      "absent, deleted ones present. Only the records' own fields can be read, filtered and sorted.",
    };

    public static bool Offered(EntityModel model, DataServices services) => services.Past?.Covers(model.ClrType) == true;

    public static DateTimeOffset? Read(IResolveFieldContext context) =>
        context.Arguments?.ContainsKey(Name) == true ? context.GetArgument<DateTimeOffset?>(Name) : null;

    /// <summary>The past rows of <paramref name="model"/> at <paramref name="instant"/>, or null to read the table.</summary>
    public static Func<DbContext, IQueryable>? Source(EntityModel model, DateTimeOffset? instant, DataServices services)
    {
        if (instant is not { } at) return null;
        if (!Offered(model, services))
            throw DataError.AsOfUnsupported($"The history of {model.PluralName} is not kept; ask for them without '{Name}'.");
        return db => services.Past!.AsOf(db, model.ClrType, at);
    }

    /// <summary>A connection's <c>aggregate</c> is computed from the tables as they stand, so it is refused with <c>asOf</c>.</summary>
    public static void CheckNoAggregate(EntityModel model, bool wantsAggregate)
    {
        if (wantsAggregate)
            throw DataError.AsOfUnsupported($"'aggregate' of {model.PluralName} cannot be read with '{Name}': statistics are "
                + "computed from the registry as it stands.");
    }

    public static void CheckSelection(EntityModel model, IEnumerable<GraphQLSelectionSet> selections, GraphQLDocument document)
    {
        foreach (var name in SelectionCollector.Collect(selections, document, model.AppliesTo).Keys)
        {
            if (!Always.Contains(name) && model.Find(name) is not ScalarField)
                throw DataError.AsOfUnsupported($"'{name}' of {model.Name} cannot be read with '{Name}'{OwnFieldsOnly}");
        }
    }

    public static void CheckFilter(EntityModel model, IDictionary<string, object?>? where)
    {
        foreach (var (name, value) in where ?? new Dictionary<string, object?>())
        {
            if (name is "and" or "or")
            {
                foreach (var part in (value as IEnumerable<object?>)?.OfType<IDictionary<string, object?>>() ?? [])
                    CheckFilter(model, part);
            }
            else if (name == "not")
            {
                CheckFilter(model, value as IDictionary<string, object?>);
            }
            else if (model.Find(name) is not ScalarField)
            {
                throw DataError.AsOfUnsupported($"The filter on '{name}' of {model.Name} cannot apply with '{Name}'{OwnFieldsOnly}");
            }
        }
    }

    public static void CheckOrder(EntityModel model, IEnumerable<object?>? order)
    {
        var names = order?.OfType<IDictionary<string, object?>>().SelectMany(key => key.Keys) ?? [];
        if (names.FirstOrDefault(name => model.Find(name) is not ScalarField) is { } relation)
            throw DataError.AsOfUnsupported($"The order by '{relation}' of {model.Name} cannot apply with '{Name}'{OwnFieldsOnly}");
    }
}
