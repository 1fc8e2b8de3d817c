using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProductionReform.Api.Observability;

/// <summary>
/// Traces, metrics and log correlation. The GraphQL operation is an activity of <see cref="SourceName"/>
/// tagged with its name, type and computed cost; ASP.NET Core and Npgsql add theirs. Everything is exported
/// by OTLP, and only when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or
/// <c>OpenTelemetry:OtlpEndpoint</c> with <c>OpenTelemetry:OtlpProtocol</c> = grpc | http/protobuf).
/// </summary>
public static class RegistryTelemetry
{
    public const string SourceName = "ProductionReform.GraphQL";
    public const string CorrelationIdHeader = "X-Correlation-Id";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "graphql.server.operation.duration", "s", "Duration of GraphQL operations (validation and execution).");
    public static readonly Histogram<long> OperationCost = Meter.CreateHistogram<long>(
        "graphql.server.operation.cost", "{field}", "Computed cost of GraphQL operations.");
    public static readonly Counter<long> LimitRefusals = Meter.CreateCounter<long>(
        "graphql.server.limit.refusals", "{request}", "Requests refused for a limit, by limit.");

    /// <summary>The OTLP endpoint from configuration, or null when nothing is to be exported.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        new[] { configuration["OpenTelemetry:OtlpEndpoint"], configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    public static IServiceCollection AddRegistryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (OtlpEndpoint(configuration) is null)
            return services;

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "production-reform-api"))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation(options => options.RecordException = true)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation())
            .WithLogging(_ => { }, options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });

        if (configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            var protocol = configuration["OpenTelemetry:OtlpProtocol"] is "http/protobuf"
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) configure it.
            otel.UseOtlpExporter();
        }
        return services;
    }

    /// <summary>
    /// Opens a log scope with <c>CorrelationId</c> = <see cref="HttpContext.TraceIdentifier"/> (the id that
    /// <c>INTERNAL_ERROR</c> responses carry in <c>extensions.correlationId</c>) around the request, and
    /// returns it in the <c>X-Correlation-Id</c> response header.
    /// </summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("ProductionReform.Api.Requests");
        return app.Use(async (context, next) =>
        {
            var correlationId = context.TraceIdentifier;
            context.Response.Headers[CorrelationIdHeader] = correlationId;
            Activity.Current?.SetTag("correlation.id", correlationId);
            using (logger.BeginScope(new CorrelationScope(correlationId)))
                await next(context);
        });
    }

    /// <summary>A scope the logging providers see as the single property <c>CorrelationId</c>.</summary>
    private sealed class CorrelationScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{correlationId}";
    }
}
