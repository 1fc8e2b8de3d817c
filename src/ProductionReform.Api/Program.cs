using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ProductionReform.Api;
using ProductionReform.Api.Export;
using ProductionReform.Api.Http;

var builder = WebApplication.CreateBuilder(args);

if (args is ["export-schema", var schemaPath])
{
    await SchemaExport.WriteAsync(schemaPath);
    return;
}

builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryGraphQL(builder.Configuration);

var app = builder.Build();

await app.Services.PrepareDatabaseAsync();

app.UseStaticFiles();
app.MapGraphQLHttp("/graphql");
app.MapCsvExport();
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.Run();

/// <summary>The entry point, public so that tests can host the API in-process.</summary>
public partial class Program;
