using System.Net.Http.Headers;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Access;
using ProductionReform.Api.Http;
using ProductionReform.Api.Replication;
using ProductionReform.Api.Schema;
using ProductionReform.Data;
using ProductionReform.Interchange.Import;
using ProductionReform.Domain;

namespace ProductionReform.Api.Import;

/// <summary>
/// <c>POST /import/&lt;plural&gt;</c>: upserts a CSV (the columns the export writes) or a JSON array of objects into one
/// entity list by its natural key, all or nothing (<see cref="Importer"/>). Needs the EDITOR role (ADMIN includes it).
/// <c>?dryRun=true</c> checks and counts without writing. Errors answer in the GraphQL error shape.
/// </summary>
public static class ImportEndpoint
{
    /// <summary>The <c>extensions.limit</c> values: configure them with <c>Import:MaxBytes</c> and <c>Import:MaxRows</c>.</summary>
    public const string MaxBytesLimit = "maxImportBytes";
    public const string MaxRowsLimit = "maxImportRows";

    private const string LoggerCategory = "ProductionReform.Api.Import.ImportEndpoint";

    /// <summary>Maps <c>POST {prefix}/{plural}</c> for every list of <see cref="ImportCatalog"/>.</summary>
    public static IEndpointConventionBuilder MapImport(this IEndpointRouteBuilder app, string prefix = "/import")
    {
        var catalog = new Lazy<ImportCatalog>(() =>
        {
            using var scope = app.ServiceProvider.CreateScope();
            var schema = (RegistrySchema)app.ServiceProvider.GetRequiredService<ISchema>();
            return new ImportCatalog(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), schema.Models);
        });
        // Keys and rules are checked against the records read at the start; another writer may get there in between.
        return app.MapPost(prefix.TrimEnd('/') + "/{list}", (HttpContext context, string list) =>
                HttpErrors.GuardAsync(context, $"Import into {list}", () => ImportAndRecordAsync(context, list, catalog.Value),
                    collision => $"Another change to {list} collided with this import ({collision}); nothing was imported. Try again."))
            .WithDisplayName($"Import {prefix}/{{plural}}");
    }

    /// <summary>
    /// The import, after which (written or not) the caller reads from the primary for a while (<see cref="ReadRoute.Wrote"/>).
    /// </summary>
    private static async Task ImportAndRecordAsync(HttpContext context, string list, ImportCatalog catalog)
    {
        try
        {
            await ImportAsync(context, list, catalog);
        }
        finally
        {
            context.RequestServices.GetRequiredService<ReadRoute>().Wrote(context.User);
        }
    }

    private static async Task ImportAsync(HttpContext context, string list, ImportCatalog catalog)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await HttpErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, new ExecutionError(
                "Importing needs the EDITOR role: send `Authorization: Bearer <key>`.")
            { Code = ErrorCodes.NotAuthenticated });
            return;
        }
        if (!user.IsInRole(RegistryRole.Editor))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden, new ExecutionError(
                $"Importing needs the EDITOR role; '{user.Identity.Name}' does not have it.")
            { Code = ErrorCodes.NotAuthorized });
            return;
        }

        var definition = catalog.Find(list);
        if (definition is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, new ExecutionError(
                $"There is no import '{list}'. Imports are /import/<list>, where <list> is one of: {string.Join(", ", catalog.ListNames)}.")
            {
                Code = ErrorCodes.NotFound,
                Extensions = new Dictionary<string, object?> { ["validNames"] = catalog.ListNames.ToArray() },
            });
            return;
        }

        var format = Format(context.Request.ContentType);
        if (format is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, new ExecutionError(
                $"Send the file as text/csv or application/json (UTF-8), not '{context.Request.ContentType}'.")
            { Code = ErrorCodes.UnsupportedMediaType });
            return;
        }

        var dryRunText = context.Request.Query["dryRun"].ToString();
        if (!(dryRunText.Length == 0 || bool.TryParse(dryRunText, out _)))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, new ExecutionError(
                $"'dryRun' is true or false, not '{dryRunText}'.")
            { Code = ErrorCodes.InvalidRequest });
            return;
        }
        var dryRun = dryRunText.Length > 0 && bool.Parse(dryRunText);

        var options = context.RequestServices.GetRequiredService<IConfiguration>().GetSection("Import").Get<ImportOptions>()
            ?? new ImportOptions();
        if (context.Request.ContentLength is { } length && length > options.MaxBytes)
            throw new ImportLimitExceededException(MaxBytesLimit, options.MaxBytes, length,
                $"The file has {length} bytes; the maximum is {options.MaxBytes}.");
        // The import enforces its own limit (below) instead of the server's general one.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = null;

        await using var body = new LimitedStream(context.Request.Body, options.MaxBytes);
        using var source = format == "csv" ? ImportSource.Csv(body) : ImportSource.Json(body);
        var db = context.RequestServices.GetRequiredService<RegistryDbContext>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Importer.ImportAsync(db, definition, source, dryRun, options, context.RequestAborted);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        logger.LogInformation("Import into {List} by {Actor}: {Rows} rows, {Created} created, {Updated} updated, " +
            "{Unchanged} unchanged, {Problems} problems, dry run {DryRun}, {Elapsed} ms",
            list, user.Identity.Name, result.Rows, result.Created, result.Updated, result.Unchanged, result.ProblemCount, dryRun,
            started.ElapsedMilliseconds);

        if (!result.Succeeded)
        {
            var omitted = result.ProblemCount - result.Problems.Count;
            await HttpErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, new ExecutionError(
                $"The file has {result.ProblemCount} problem{(result.ProblemCount == 1 ? "" : "s")}; nothing was imported." +
                (omitted > 0 ? $" The first {result.Problems.Count} are listed." : ""))
            {
                Code = ErrorCodes.ImportInvalid,
                Extensions = new Dictionary<string, object?>
                {
                    ["problems"] = result.Problems.Select(Problem).ToList(),
                    ["problemCount"] = result.ProblemCount,
                    ["omitted"] = omitted,
                    ["rows"] = result.Rows,
                },
            });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(new
        {
            created = result.Created,
            updated = result.Updated,
            unchanged = result.Unchanged,
            rows = result.Rows,
            dryRun = result.DryRun,
        }, context.RequestAborted);
    }

    private static Dictionary<string, object?> Problem(ImportProblem problem)
    {
        var shown = new Dictionary<string, object?>
        {
            ["row"] = problem.Row,
            ["column"] = problem.Column,
            ["value"] = problem.Value,
            ["reason"] = problem.Reason,
        };
        if (problem.Code is not null) shown["code"] = problem.Code;
        return shown;
    }

    /// <summary>"csv", "json", or null for any other media type or a charset other than UTF-8.</summary>
    private static string? Format(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return null;
        if (media.CharSet is { Length: > 0 } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return null;
        return media.MediaType?.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" => "csv",
            "application/json" => "json",
            _ => null,
        };
    }

    /// <summary>Reads the request body and refuses to read past <c>maximum</c> bytes.</summary>
    private sealed class LimitedStream(Stream inner, long maximum) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > maximum)
                throw new ImportLimitExceededException(MaxBytesLimit, maximum, _read,
                    $"The file has more than {maximum} bytes (at least {_read}); the maximum is {maximum}.");
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
