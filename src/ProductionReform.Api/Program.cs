using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ProductionReform.Api;
using ProductionReform.Api.Access;
using ProductionReform.Api.Explorer;
using ProductionReform.Api.Export;
using ProductionReform.Api.Http;
using ProductionReform.Api.Import;
using ProductionReform.Api.Limits;
using ProductionReform.Api.Observability;

var builder = WebApplication.CreateBuilder(args);

if (args is ["export-schema", var schemaPath])
{
    await SchemaExport.WriteAsync(schemaPath);
    return;
}

builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryGraphQL(builder.Configuration);
builder.Services.AddRegistryAuthentication(builder.Configuration);
builder.Services.AddRegistryRateLimiting(builder.Configuration);
builder.Services.AddRegistryTelemetry(builder.Configuration);
builder.Services.AddGracefulShutdown(builder.Configuration);

var app = builder.Build();

if (args is ["keys", .. var keyArguments])
{
    Environment.ExitCode = await KeyCommands.RunAsync(app.Services, keyArguments);
    return;
}

await app.Services.PrepareDatabaseAsync();
app.ClosePoolsWhenStopped();

app.UseCorrelationId();
app.UseFaultAnswers();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // after authentication: /graphql, /export, /import are limited per key/user, else per IP
app.MapGraphQLHttp("/graphql");
app.MapCsvExport();
app.MapImport();
app.MapExplorer();
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.Run();

/// <summary>The entry point, public so that tests can host the API in-process.</summary>
public partial class Program;
