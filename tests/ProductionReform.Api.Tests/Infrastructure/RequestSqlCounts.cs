using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.GraphQL.Data.Diagnostics;

namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>
/// Records the SQL statements each HTTP request ran (the request's <see cref="SqlStatementCounter"/>) by the value of
/// its <c>X-Test-Request</c> header — for answers without a body to carry <c>extensions.sqlStatements</c> (304, CSV).
/// </summary>
public sealed class RequestSqlCounts : IStartupFilter
{
    public const string Header = "X-Test-Request";

    private readonly ConcurrentDictionary<string, int> _counts = new();

    public static void AddTo(IServiceCollection services, RequestSqlCounts counts) =>
        services.AddSingleton<IStartupFilter>(counts);

    /// <summary>The statements the request tagged <paramref name="request"/> ran.</summary>
    public int Of(string request) => _counts.TryGetValue(request, out var count)
        ? count
        : throw new AssertionException($"No request was tagged {request}.");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            await proceed(context);
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } tag)
                _counts[tag] = context.RequestServices.GetRequiredService<SqlStatementCounter>().Count;
        });
        next(app);
    };
}
