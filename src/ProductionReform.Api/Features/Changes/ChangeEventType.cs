using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.Api.Access;
using ProductionReform.Api.Features.Audit;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Changes;

public sealed class ChangeEventType : ObjectGraphType<ChangeEvent>
{
    public ChangeEventType()
    {
        Name = "ChangeEvent";
        Description = "One record written by one commit 变更记录: which list and record, how, and which fields changed.";
        Field<NonNullGraphType<LongGraphType>>("version")
            .Description("The data version of the commit. Versions follow commit order and are the same on every API instance.")
            .Resolve(c => c.Source.At.Version);
        Field<NonNullGraphType<LongGraphType>>("position")
            .Description("The event's place in the change log; events of one commit are in the order they were written.")
            .Resolve(c => c.Source.At.Position);
        Field(x => x.OccurredAt).Description("When the commit was made.");
        Field(x => x.List).Description("The root list of the record (enterprises, innovationStudios…).");
        Field<NonNullGraphType<IdGraphType>>("recordId")
            .Description("The record's global id (for a deleted record, the id it had).")
            .Resolve(c => c.Source.RecordId);
        AddField(new FieldType
        {
            Name = "operation",
            Description = "CREATE, UPDATE or DELETE. Adding or removing a many-to-many link is an UPDATE of the records at both ends.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(nameof(AuditOperation))),
            Resolver = new FuncFieldResolver<ChangeEvent, object>(c => c.Source.Operation),
        });
        Field(x => x.Fields).Description(
            "The changed fields, as the schema names them: every field for a create or delete, the many-to-many field " +
            "for a link added or removed.");
        var changes = Field<ListGraphType<NonNullGraphType<AuditChangeType>>>("changes")
            .Description("The values before and after, from the audit trail of this commit; null when the write was not " +
                "audited (e.g. made with SQL). ADMIN only.")
            .Resolve(c => c.Source.Changes);
        RoleValidationRule.Require(changes.FieldType, RegistryRole.Admin);
    }
}
