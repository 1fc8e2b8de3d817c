using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductionReform.Api.Observability;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>
/// The GraphQL activity carries the operation name and cost; logs of a request carry its CorrelationId,
/// which the response returns in X-Correlation-Id.
/// </summary>
public sealed class ObservabilityTests
{
    [Test]
    public async Task The_operation_activity_is_tagged_with_its_name_type_and_cost()
    {
        var operationName = "Observed" + Guid.NewGuid().ToString("N")[..8];
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RegistryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var api = await RegistryApi.StartAsync("otel_activity");
        var reply = await api.PostAsync(new { query = $"query {operationName} {{ enterprises(first: 3) {{ nodes {{ name }} }} }}" });
        Assert.That(reply.Json["errors"], Is.Null, reply.Text);

        var activity = stopped.SingleOrDefault(a => a.GetTagItem("graphql.operation.name") as string == operationName);
        Assert.That(activity, Is.Not.Null, "no activity for the operation");
        Assert.Multiple(() =>
        {
            Assert.That(activity!.DisplayName, Is.EqualTo($"query {operationName}"));
            Assert.That(activity.GetTagItem("graphql.operation.type"), Is.EqualTo("query"));
            Assert.That(activity.GetTagItem("graphql.document.cost"), Is.EqualTo(3L));
            Assert.That(activity.Status, Is.Not.EqualTo(ActivityStatusCode.Error));
        });
    }

    [Test]
    public async Task Logs_of_a_request_carry_the_correlation_id_the_response_returns()
    {
        await using var api = await RegistryApi.StartAsync("otel_logs", new Dictionary<string, string?>
        {
            ["Logging:LogLevel:ProductionReform.Api.Limits"] = "Debug",
        });
        var logs = new ScopeCapturingLoggerProvider();
        api.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        using var response = await api.SendAsync(HttpMethod.Post, "/graphql", """{"query":"query Correlated { __typename }"}""");
        var correlationId = response.Headers.TryGetValues(RegistryTelemetry.CorrelationIdHeader, out var values) ? values.Single() : null;

        Assert.That(correlationId, Is.Not.Null.And.Not.Empty);
        var entry = logs.Entries.FirstOrDefault(e => e.Message.Contains("Correlated"));
        Assert.That(entry.Message, Is.Not.Null, "the operation was not logged");
        Assert.That(entry.Scope.GetValueOrDefault("CorrelationId"), Is.EqualTo(correlationId));
    }

    [Test]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_are_set_up_and_requests_still_answer()
    {
        await using var plain = await RegistryApi.StartAsync("otel_none");
        await using var api = await RegistryApi.StartAsync("otel_otlp", new Dictionary<string, string?>
        {
            // Nothing listens there: the exporter fails in the background, the API does not.
            ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
            ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
        });

        var reply = await api.PostAsync(new { query = "{ enterprises(first: 1) { nodes { name } } }" });
        Assert.Multiple(() =>
        {
            Assert.That(plain.Services.GetService<OpenTelemetry.Trace.TracerProvider>(), Is.Null, "exported without an endpoint");
            Assert.That(api.Services.GetService<OpenTelemetry.Trace.TracerProvider>(), Is.Not.Null);
            Assert.That(api.Services.GetService<OpenTelemetry.Metrics.MeterProvider>(), Is.Not.Null);
            Assert.That(reply.Json["errors"], Is.Null, reply.Text);
        });
    }

    private sealed class ScopeCapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, Dictionary<string, object?> Scope)> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(ScopeCapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider._scopes.ForEachScope((value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> properties)
                        foreach (var (key, item) in properties) into[key] = item;
                }, scope);
                provider.Entries.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
