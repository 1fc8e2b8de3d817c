using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Access;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
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
        var plural = char.ToLowerInvariant(auditEvent.Model.PluralName[0]) + auditEvent.Model.PluralName[1..];
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
                Resolver = new FuncFieldResolver<object>(context => HistoryBatch.Enlist(context, model, options)),
            };
            RoleValidationRule.Require(history, RegistryRole.Admin);
            type.AddField(history);
        }
    }

    /// <summary>
    /// The parents that ask for one <c>history</c> field (same field of the query, so same <c>first</c>), loaded
    /// together when GraphQL.NET first asks for a result, after every sibling has enlisted (as NestedListBatch does).
    /// </summary>
    private sealed class HistoryBatch
    {
        private const string BatchesKey = "ProductionReform.Api.HistoryBatches";

        private readonly string _typeName;
        private readonly int _first;
        private readonly RegistryDbContext _db;
        private readonly Dictionary<(GraphQLField, string), HistoryBatch> _open;
        private readonly (GraphQLField, string) _key;
        private readonly HashSet<int> _parents = [];
        private Task<ILookup<int, AuditEvent>>? _loading;

        private HistoryBatch(string typeName, int first, RegistryDbContext db, Dictionary<(GraphQLField, string), HistoryBatch> open, (GraphQLField, string) key) =>
            (_typeName, _first, _db, _open, _key) = (typeName, first, db, open, key);

        public static IDataLoaderResult<object> Enlist(IResolveFieldContext context, EntityModel parent, DataOptions options)
        {
            var batches = (Dictionary<(GraphQLField, string), HistoryBatch>)(context.UserContext.TryGetValue(BatchesKey, out var existing)
                ? existing!
                : context.UserContext[BatchesKey] = new Dictionary<(GraphQLField, string), HistoryBatch>());
            var key = (context.FieldAst, parent.Name);
            if (!batches.TryGetValue(key, out var batch))
            {
                var first = context.GetArgument<int?>("first") ?? DefaultHistorySize;
                if (first < 0) throw DataError.InvalidPaging($"'first' must be 0 or more; it is {first}.");
                if (first > options.MaxPageSize) throw DataError.LimitExceeded("maxPageSize", options.MaxPageSize, first, "'first'");
                batches[key] = batch = new HistoryBatch(parent.Name, first, context.RequestServices!.GetRequiredService<RegistryDbContext>(), batches, key);
            }
            var parentKey = parent.KeyOf(context.Source!);
            batch._parents.Add(parentKey);
            return new Result(batch, parentKey);
        }

        private Task<ILookup<int, AuditEvent>> LoadAsync(CancellationToken cancellationToken)
        {
            if (_loading is null)
            {
                _open.Remove(_key);
                _loading = Load(cancellationToken);
            }
            return _loading;
        }

        private async Task<ILookup<int, AuditEvent>> Load(CancellationToken cancellationToken)
        {
            var parents = _parents.ToArray();
            // The newest `first` events of every parent, in one statement.
            var events = await _db.AuditEvents.FromSqlInterpolated($"""
                SELECT ranked.* FROM (
                  SELECT a.*, row_number() OVER (PARTITION BY a.entity_id ORDER BY a.occurred_at DESC, a.id DESC) AS rank
                  FROM audit_events a WHERE a.entity_type = {_typeName} AND a.entity_id = ANY({parents})
                ) ranked WHERE ranked.rank <= {_first}
                """).AsNoTracking().ToListAsync(cancellationToken);
            return events.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).ToLookup(a => a.EntityId);
        }

        private sealed class Result(HistoryBatch batch, int parentKey) : IDataLoaderResult<object>
        {
            public async Task<object> GetResultAsync(CancellationToken cancellationToken = default) =>
                (await batch.LoadAsync(cancellationToken))[parentKey].ToList();

            async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
        }
    }
}
