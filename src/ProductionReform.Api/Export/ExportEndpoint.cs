using System.Data;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Access;
using ProductionReform.Api.Caching;
using ProductionReform.Api.Features.Quality;
using ProductionReform.Api.Http;
using ProductionReform.Api.Replication;
using ProductionReform.Api.Schema;
using ProductionReform.Data;
using ProductionReform.Data.Quality;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Export;

/// <summary>
/// <c>GET /export/&lt;plural&gt;.csv|.xlsx?where=&lt;json&gt;&amp;order=&lt;json&gt;</c>: any entity list as CSV or as an
/// Excel workbook (the rows, then the sources they cite) for partner agencies, filtered and sorted exactly as the GraphQL
/// list of the same name (<see cref="ListExporter"/>); <c>GET /export/&lt;plural&gt;Aggregate.csv|.xlsx?where=…&amp;by=…</c>:
/// the groups of the aggregate field (<see cref="AggregateExport"/>). Errors answer in the GraphQL error shape with
/// <c>extensions.code</c>, never with a stack trace.
/// </summary>
public static class ExportEndpoint
{
    /// <summary>The <c>extensions.limit</c> of a refused export: configure it with <c>Export:MaxRows</c>.</summary>
    public const string MaxRowsLimit = "maxExportRows";

    public const int DefaultMaxRows = 100_000;

    /// <summary>The data-quality report as one CSV (<see cref="DataQualityCsv"/>).</summary>
    public const string DataQualityFile = "data-quality.csv";

    /// <summary>Maps <c>GET {prefix}/{file}</c> for every root entity list and aggregate of the schema, in every format.</summary>
    public static IEndpointConventionBuilder MapExport(this IEndpointRouteBuilder app, string prefix = "/export")
    {
        // Built on first use: the schema and its models are built lazily by GraphQL.NET as well.
        var exporters = new Lazy<(ListExporter Lists, AggregateExport Aggregates)>(() =>
        {
            var schema = (RegistrySchema)app.ServiceProvider.GetRequiredService<ISchema>();
            var options = app.ServiceProvider.GetRequiredService<IOptions<DataOptions>>().Value;
            return (new ListExporter(schema, schema.Models, options), new AggregateExport(schema, schema.Models));
        });
        // Once rows are on the wire a fault cuts the connection, so that the client sees an incomplete download rather
        // than a file that looks whole.
        return app.MapGet(prefix.TrimEnd('/') + "/{file}", (HttpContext context, string file) =>
                HttpErrors.GuardAsync(context, $"Export of {file}", () => context.RequestServices.GetRequiredService<ReadRoute>()
                    .ReadAsync(context, () => ExportAsync(context, file, exporters.Value))))
            .WithDisplayName($"Export {prefix}/{{plural}}.csv|.xlsx");
    }

    private static async Task ExportAsync(HttpContext context, string file, (ListExporter Lists, AggregateExport Aggregates) exporters)
    {
        if (file == DataQualityFile)
        {
            if (!AnsweredNotModified(context, CsvFile.ContentType, out var reportKey))
                await ExportDataQualityAsync(context, reportKey);
            return;
        }
        var format = ExportFormat.Of(file);
        var name = format is null ? null : file[..^format.Extension.Length];
        if (name is not null && exporters.Lists.FindList(name) is { } model)
        {
            await ExportListAsync(context, model, format!, exporters.Lists);
            return;
        }
        if (name is not null && exporters.Aggregates.FindField(name) is { } aggregate)
        {
            await ExportAggregateAsync(context, aggregate, format!, exporters.Aggregates);
            return;
        }
        await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound,
            new ExecutionError($"There is no export '{file}'. Exports are /export/<list>.csv and /export/<list>Aggregate.csv " +
                $"(or .xlsx), where <list> is one of: {string.Join(", ", exporters.Lists.ListNames)}.")
            {
                Code = ErrorCodes.NotFound,
                Extensions = new Dictionary<string, object?> { ["validNames"] = exporters.Lists.ListNames.ToArray() },
            });
    }

    private static async Task ExportListAsync(HttpContext context, EntityModel model, ExportFormat format, ListExporter exporter)
    {
        var listName = model.ListName;
        // A list the schema keeps for a role (the audit trail) is kept from the export too.
        var schema = context.RequestServices.GetRequiredService<ISchema>();
        if (RoleValidationRule.RequiredRole(schema.AllTypes[model.Name]) is { } role && !context.User.IsInRole(role))
        {
            await HttpErrors.WriteAsync(context,
                context.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                new ExecutionError(
                    $"Exporting '{listName}' needs the {RegistryAuthentication.RoleName(role)} role. Send `Authorization: Bearer <key>`.")
                {
                    Code = ErrorCodes.NotAuthorized,
                });
            return;
        }

        if (!TryReadJson(context, "where", out var where, out var error) || !TryReadJson(context, "order", out var order, out error))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, error!);
            return;
        }

        if (AnsweredNotModified(context, format.ContentType, out var key)) return;
        var request = await exporter.PrepareAsync(model, where, order);

        var db = context.RequestServices.GetRequiredService<RegistryDbContext>();
        var cancellationToken = context.RequestAborted;
        // One snapshot for the count, the rows and their sources, so that the limit checked is the limit written.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : null;

        var maxRows = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Export:MaxRows", DefaultMaxRows);
        var count = await request.CountAsync(db, cancellationToken);
        if (count > maxRows)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                DataError.LimitExceeded(MaxRowsLimit, maxRows, count, $"The number of rows to export from '{listName}'"));
            return;
        }

        List<ExportTable> tables = [exporter.Table(db, request)];
        if (format.HoldsSeveralTables && exporter.Citations(db, request) is { } citations) tables.Add(citations);
        await WriteAsync(context, key, format, listName, tables);
    }

    private static async Task ExportAggregateAsync(HttpContext context, FieldType field, ExportFormat format, AggregateExport exporter)
    {
        var given = new Dictionary<string, JsonElement>();
        foreach (var parameter in exporter.Parameters(field))
        {
            if (!TryReadJson(context, parameter, out var value, out var error))
            {
                await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, error!);
                return;
            }
            if (value is { } json) given[parameter] = json;
        }
        var query = await exporter.PrepareAsync(field, given);
        if (AnsweredNotModified(context, format.ContentType, out var key)) return;

        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var result = await GraphQLRequestExecutor.ExecuteAsync(context,
            context.RequestServices.GetService<GraphQLHttpOptions>() ?? new GraphQLHttpOptions(),
            new GraphQLRequest { Query = query.Document, Variables = serializer.Deserialize<Inputs>(query.VariablesJson) });
        if (result.Errors is [var refused, ..])
        {
            var status = refused.Code switch
            {
                ErrorCodes.DatabaseUnavailable => StatusCodes.Status503ServiceUnavailable,
                ErrorCodes.InternalError => StatusCodes.Status500InternalServerError,
                ErrorCodes.NotAuthorized when context.User.Identity?.IsAuthenticated != true => StatusCodes.Status401Unauthorized,
                ErrorCodes.NotAuthorized => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            if (status == StatusCodes.Status503ServiceUnavailable) HttpErrors.MarkUnavailable(context.Response);
            await HttpErrors.WriteAsync(context, status, refused);
            return;
        }
        using var answer = JsonDocument.Parse(serializer.Serialize(result));
        await WriteAsync(context, key, format, field.Name, [AggregateExport.Table(query, answer.RootElement.GetProperty("data"))]);
    }

    private static async Task WriteAsync(HttpContext context, CacheKey? key, ExportFormat format, string name,
        IReadOnlyList<ExportTable> tables)
    {
        var response = context.Response;
        Start(context, key, name + format.Extension, format.ContentType);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The zip library closes each entry of a workbook with a synchronous write; the rows themselves are read and
        // written asynchronously.
        if (format.HoldsSeveralTables && context.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        await format.WriteAsync(tables, response.Body, context.RequestAborted);
    }

    /// <summary>
    /// The export's validator (<see cref="HttpCachePolicy"/>) for the format's content type; when the caller already holds
    /// the current file, answers 304 — before any SQL — and returns true.
    /// </summary>
    private static bool AnsweredNotModified(HttpContext context, string contentType, out CacheKey? key)
    {
        var policy = context.RequestServices.GetRequiredService<HttpCachePolicy>();
        key = policy.KeyFor(context, contentType);
        if (key is null || !HttpCachePolicy.HoldsAnswer(context.Request, key)) return false;
        policy.NotModified(context.Response, key);
        return true;
    }

    private static void Start(HttpContext context, CacheKey? key, string fileName, string contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.XContentTypeOptions = "nosniff";
        context.RequestServices.GetRequiredService<HttpCachePolicy>().Describe(response, key);
    }

    private static async Task ExportDataQualityAsync(HttpContext context, CacheKey? key)
    {
        var report = await context.RequestServices.GetRequiredService<DataQualityQuery>().RunAsync(context.RequestAborted);
        var response = context.Response;
        Start(context, key, DataQualityFile, CsvFile.ContentType);
        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), context.RequestAborted);
        await using var text = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await DataQualityCsv.WriteAsync(new CsvWriter(text), report, context.RequestAborted);
        await text.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// A query-string parameter as JSON; absent or empty is null. Not JSON, or given twice: INVALID_JSON / INVALID_REQUEST.
    /// </summary>
    private static bool TryReadJson(HttpContext context, string name, out JsonElement? value, out ExecutionError? error)
    {
        value = null;
        error = null;
        var values = context.Request.Query[name];
        if (values.Count > 1)
        {
            error = new ExecutionError($"The '{name}' parameter is given {values.Count} times; give it once.")
            {
                Code = ErrorCodes.InvalidRequest
            };
            return false;
        }
        if (string.IsNullOrWhiteSpace(values.ToString())) return true;
        if (StorableText.Problem(values.ToString()) is { } reason)
        {
            error = TextError(name, reason);
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(values.ToString(), new JsonDocumentOptions { MaxDepth = 64 });
            if (StorableText.FindUndecodable(document.RootElement, name) is { } undecodable)
            {
                error = TextError(undecodable.Path, undecodable.Reason);
                return false;
            }
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            error = new ExecutionError($"The '{name}' parameter is not valid JSON: {e.Message}") { Code = ErrorCodes.InvalidJson };
            return false;
        }
    }

    private static ExecutionError TextError(string path, string reason) =>
        new($"The text of the '{path}' parameter {reason}")
        {
            Code = StorableText.Code,
            Extensions = new Dictionary<string, object?> { ["parameter"] = path },
        };
}
