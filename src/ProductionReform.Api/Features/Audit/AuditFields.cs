using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Access;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Audit;

/// <summary>
/// The audit trail in the schema, ADMIN only: the <c>AuditEvent</c> type and its root lists (built by the data
/// layer like every list), and <c>history</c> on every registry type — a record's events, newest first, loaded
/// for all parents of the field in one statement.
/// </summary>
public static class AuditFields
{
    public const int DefaultHistorySize = 20;

    public static void AddTo(ObjectGraphType query, IEnumerable<IEntityGraphType> types, AuditEventType auditEvent, DataOptions options)
    {
        RoleValidationRule.Require(auditEvent, RegistryRole.Admin);
        var plural = auditEvent.Model.ListName;
        foreach (var name in new[] { plural, plural + "Page", plural + "Aggregate" })
            RoleValidationRule.Require(query.GetField(name)!, RegistryRole.Admin);

        foreach (var type in types.Where(t => typeof(Entity).IsAssignableFrom(t.Model.ClrType)))
        {
            var model = type.Model;
            var history = new FieldType
            {
                Name = "history",
                Description = "The audit events of this record 修改记录, newest first: who changed what, before and after. ADMIN only.",
                ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(auditEvent.Name)))),
                Arguments = new QueryArguments(new QueryArgument<IntGraphType>
                {
                    Name = "first",
                    Description = $"The newest n events (default {DefaultHistorySize}, at most {options.MaxPageSize}).",
                }),
                Resolver = new FuncFieldResolver<object>(context => FieldBatch.Enlist(context, model.Name, model.KeyOf(context.Source!),
                    () => HistoryLoader(context, model.Name, options), Array.Empty<AuditEvent>())),
            };
            RoleValidationRule.Require(history, RegistryRole.Admin);
            type.AddField(history);
        }
    }

    /// <summary>The newest <c>first</c> events of every parent, in one statement.</summary>
    private static FieldBatch.Loader HistoryLoader(IResolveFieldContext context, string typeName, DataOptions options)
    {
        var first = PagingArguments.PageSize(context.GetArgument<int?>("first"), "first", DefaultHistorySize, options.MaxPageSize);
        var db = context.RequestServices!.GetRequiredService<RegistryDbContext>();
        return async (parentKeys, cancellationToken) =>
        {
            var parents = parentKeys.ToArray();
            var events = await db.AuditEvents.FromSqlInterpolated($"""
                SELECT ranked.* FROM (
                  SELECT a.*, row_number() OVER (PARTITION BY a.entity_id ORDER BY a.occurred_at DESC, a.id DESC) AS rank
                  FROM audit_events a WHERE a.entity_type = {typeName} AND a.entity_id = ANY({parents})
                ) ranked WHERE ranked.rank <= {first}
                """).AsNoTracking().ToListAsync(cancellationToken);
            return events.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
                .GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => (object)g.ToList());
        };
    }
}
