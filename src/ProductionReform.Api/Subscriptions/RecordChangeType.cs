using GraphQL;
using GraphQL.Types;

namespace ProductionReform.Api.Subscriptions;

/// <summary>The payload of a change subscription: <see cref="RecordChange"/> with the record as <paramref name="record"/>.</summary>
[DoNotRegister] // one per list, built by SubscriptionFields; not a service
public sealed class RecordChangeType : ObjectGraphType<RecordChange>
{
    public RecordChangeType(string name, IGraphType record, string recordDescription)
    {
        Name = name;
        Description = "A committed change of one record 记录变更.";
        Field(x => x.List).Description("The root list the record belongs to (`enterprises` …).");
        Field("operation", x => x.Operation, type: typeof(NonNullGraphType<EnumerationGraphType<ChangeOperation>>))
            .Description("What the write did.");
        Field("id", x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The record's global id.");
        Field("record", x => x.Record).Type(record).Description(recordDescription);
        Field(x => x.Version).Description("The data version the write produced; it only grows.");
        Field("time", x => x.Time, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>)).Description("When the write was committed.");
    }
}
