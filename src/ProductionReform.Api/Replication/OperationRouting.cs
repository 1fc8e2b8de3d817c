using GraphQL.Execution;
using GraphQLParser.AST;

namespace ProductionReform.Api.Replication;

/// <summary>
/// Routes each GraphQL operation once it is validated, before it runs: a query reads (from the standby when it may),
/// a mutation or a subscription goes to the primary — a subscription reads right after the primary announced a commit,
/// which the standby may not have replayed yet. After a mutation its caller counts as a recent writer.
/// </summary>
public sealed class OperationRouting(ReadRoute route) : DocumentExecutionListenerBase
{
    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (context.Operation.Operation == OperationType.Query) route.ServeReads(context.User);
        else route.ServeWrites();
        return Task.CompletedTask;
    }

    public override Task AfterExecutionAsync(IExecutionContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation) route.Wrote(context.User);
        return Task.CompletedTask;
    }
}
