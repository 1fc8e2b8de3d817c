using GraphQL.Types;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Audit;

/// <summary>The audit trail: every write by a key or token, with the changed fields. ADMIN only (<see cref="AuditFields"/>).</summary>
public sealed class AuditEventType : EntityGraphType<AuditEvent>
{
    public AuditEventType()
    {
        Description = "A recorded write 审计记录: who created, changed or deleted which record, when, " +
            "and each changed field before and after. ADMIN only.";
        Scalar(x => x.OccurredAt, "When the write was saved.");
        Scalar(x => x.Actor, "The writer: the API key's name or the token's subject.");
        Scalar(x => x.Operation, "CREATE, UPDATE or DELETE.");
        Scalar(x => x.EntityType, "The type of the record, as the schema names it (Enterprise, PilotEnrollment…).");
        Scalar(x => x.EntityId, "The database key of the record; its global id is the `id` of that type.");
        Scalar<string, NonNullGraphType<ListGraphType<NonNullGraphType<AuditChangeType>>>>(x => x.Changes,
            "The changed fields with their values before and after (all fields for a create or delete).", AuditChange.FromJson)
            .NotFilterable().NotSortable();
        Scalar<string, NonNullGraphType<StringGraphType>>(x => x.Changes,
            "The changes as JSON text: {\"field\": {\"before\": …, \"after\": …}}.", json => json, name: "changesJson")
            .NotFilterable().NotSortable();
        Scalar(x => x.CorrelationId, "The request's correlation id, to find it in the log.");
    }
}
