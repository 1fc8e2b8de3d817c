using ProductionReform.Api;
using ProductionReform.Api.Access;
using ProductionReform.Api.Explorer;
using ProductionReform.Api.Export;
using ProductionReform.Api.Hosting;
using ProductionReform.Api.Http;
using ProductionReform.Api.Import;

if (await CommandLine.TryRunAsync(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostingDefaults();
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryGraphQL(builder.Configuration);
builder.Services.AddRegistryAuthentication(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareAsync();
app.UseHostingDefaults();
app.MapGraphQLHttp("/graphql");
app.MapExport();
app.MapImport();
app.MapExplorer();
app.MapHealthEndpoints();
app.Run();

/// <summary>The entry point, public so that tests can host the API in-process.</summary>
public partial class Program;
