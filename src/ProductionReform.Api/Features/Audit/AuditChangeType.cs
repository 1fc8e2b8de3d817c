using GraphQL.Types;

namespace ProductionReform.Api.Features.Audit;

public sealed class AuditChangeType : ObjectGraphType<AuditChange>
{
    public AuditChangeType()
    {
        Name = "AuditChange";
        Description = "One changed field of a write: strings as they are, other values as JSON (numbers, true/false, lists); " +
            "null when empty.";
        Field(x => x.Field).Description("The field, as the schema names it (creditCode, industryId…).");
        Field(x => x.Before, nullable: true).Description("The value before the write; null for a create or an empty field.");
        Field(x => x.After, nullable: true).Description("The value after the write; null for a delete or a cleared field.");
    }
}
