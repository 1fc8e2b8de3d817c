using System.Data;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Access;
using ProductionReform.Api.Caching;
using ProductionReform.Api.Features.Quality;
using ProductionReform.Api.Http;
using ProductionReform.Api.Schema;
using ProductionReform.Data;
using ProductionReform.Data.Quality;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Export;

/// <summary>
/// <c>GET /export/&lt;plural&gt;.csv?where=&lt;json&gt;&amp;order=&lt;json&gt;</c>: any entity list as CSV for partner agencies,
/// filtered and sorted exactly as the GraphQL list of the same name (<see cref="CsvExporter"/>).
/// Errors answer in the GraphQL error shape with <c>extensions.code</c>, never with a stack trace.
/// </summary>
public static class CsvExportEndpoint
{
    /// <summary>The <c>extensions.limit</c> of a refused export: configure it with <c>Export:MaxRows</c>.</summary>
    public const string MaxRowsLimit = "maxExportRows";

    public const int DefaultMaxRows = 100_000;

    /// <summary>The data-quality report as one CSV (<see cref="DataQualityCsv"/>).</summary>
    public const string DataQualityFile = "data-quality.csv";

    private const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Maps <c>GET {prefix}/{plural}.csv</c> for every root entity list of the schema.</summary>
    public static IEndpointConventionBuilder MapCsvExport(this IEndpointRouteBuilder app, string prefix = "/export")
    {
        // Built on first use: the schema and its models are built lazily by GraphQL.NET as well.
        var exporter = new Lazy<CsvExporter>(() =>
        {
            var schema = (RegistrySchema)app.ServiceProvider.GetRequiredService<ISchema>();
            var options = app.ServiceProvider.GetRequiredService<IOptions<DataOptions>>().Value;
            return new CsvExporter(schema, schema.Models, options);
        });
        // Once rows are on the wire a fault cuts the connection, so that the client sees an incomplete download rather
        // than a file that looks whole.
        return app.MapGet(prefix.TrimEnd('/') + "/{file}", (HttpContext context, string file) =>
                HttpErrors.GuardAsync(context, $"CSV export of {file}", () => ExportAsync(context, file, exporter.Value)))
            .WithDisplayName($"CSV export {prefix}/{{plural}}.csv");
    }

    private static async Task ExportAsync(HttpContext context, string file, CsvExporter exporter)
    {
        if (file == DataQualityFile)
        {
            if (!AnsweredNotModified(context, out var reportKey))
                await ExportDataQualityAsync(context, reportKey);
            return;
        }
        var listName = file.EndsWith(".csv", StringComparison.Ordinal) ? file[..^4] : null;
        var model = listName is null ? null : exporter.FindList(listName);
        if (model is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound,
                new ExecutionError($"There is no export '{file}'. Exports are /export/<list>.csv, " +
                    $"where <list> is one of: {string.Join(", ", exporter.ListNames)}.")
                {
                    Code = ErrorCodes.NotFound,
                    Extensions = new Dictionary<string, object?> { ["validNames"] = exporter.ListNames.ToArray() },
                });
            return;
        }

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

        if (AnsweredNotModified(context, out var key)) return;
        var request = await exporter.PrepareAsync(model, where, order);

        var db = context.RequestServices.GetRequiredService<DbContext>();
        var cancellationToken = context.RequestAborted;
        // One snapshot for the count and the rows, so that the limit checked is the limit written.
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

        var response = context.Response;
        StartCsv(context, key, $"{listName}.csv");
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await exporter.WriteAsync(db, request, response.Body, cancellationToken);
    }

    /// <summary>
    /// The export's validator (<see cref="HttpCachePolicy"/>); when the caller already holds the current file, answers
    /// 304 — before any SQL — and returns true.
    /// </summary>
    private static bool AnsweredNotModified(HttpContext context, out CacheKey? key)
    {
        var policy = context.RequestServices.GetRequiredService<HttpCachePolicy>();
        key = policy.KeyFor(context, CsvContentType);
        if (key is null || !HttpCachePolicy.HoldsAnswer(context.Request, key)) return false;
        policy.NotModified(context.Response, key);
        return true;
    }

    private static void StartCsv(HttpContext context, CacheKey? key, string fileName)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = CsvContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.XContentTypeOptions = "nosniff";
        context.RequestServices.GetRequiredService<HttpCachePolicy>().Describe(response, key);
    }

    private static async Task ExportDataQualityAsync(HttpContext context, CacheKey? key)
    {
        var report = await context.RequestServices.GetRequiredService<DataQualityQuery>().RunAsync(context.RequestAborted);
        var response = context.Response;
        StartCsv(context, key, DataQualityFile);
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
