using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ProductionReform.GraphQL.Data.Execution;

internal static class Database
{
    /// <summary>The request's DbContext; the API registers its context as <see cref="DbContext"/>.</summary>
    public static DbContext Of(IResolveFieldContext context) =>
        (DbContext)(context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set."))
            .GetService(typeof(DbContext))!;
}
