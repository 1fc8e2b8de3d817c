using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ProductionReform.GraphQL.Data.Execution;

internal static class Database
{
    /// <summary>The request's DbContext, registered as <see cref="DataServices.ContextType"/>.</summary>
    public static DbContext Of(IResolveFieldContext context, DataServices services) =>
        (DbContext)(context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set."))
            .GetService(services.ContextType)!;
}
