using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductionReform.Api.Live;

namespace ProductionReform.Benchmarks;

/// <summary>
/// The API's own Program, in-process on a real Kestrel socket at 127.0.0.1:&lt;free port&gt; (not TestServer), in the
/// Production environment with <c>Diagnostics:SqlCount</c> on so that responses carry <c>extensions.sqlStatements</c>,
/// and the response cache on (the cached GET workload).
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BenchServer(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        Client = LoadRunner.ClientFor(baseAddress);
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static BenchServer Start(string connectionString) => Create(connectionString, null);

    /// <summary>
    /// <see cref="Start"/> with more settings, once the API's change listener is connected (so that subscribers hear
    /// every commit from then on).
    /// </summary>
    public static async Task<BenchServer> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var server = Create(connectionString, settings);
        await server._factory.Services.GetServices<IHostedService>().OfType<RegistryChangeListener>().Single().Listening;
        return server;
    }

    private static BenchServer Create(string connectionString, IReadOnlyDictionary<string, string>? settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseContentRoot(ApiContentRoot());
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Registry", connectionString);
            host.UseSetting("Diagnostics:SqlCount", "true");
            host.UseSetting("HttpCaching:ResponseCache", "true");
            // Every client here shares one address: the per-IP rate limit would answer 429s, not queries.
            host.UseSetting("Limits:RateLimit:Enabled", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) host.UseSetting(key, value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();

        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(factory, new Uri(address));
    }

    /// <summary>
    /// The API's project folder (its appsettings.json and wwwroot), from the MvcTestingAppManifest.json the testing
    /// package writes next to these binaries; WebApplicationFactory itself looks for that file in the working directory.
    /// </summary>
    internal static string ApiContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
        return roots[typeof(Program).Assembly.FullName!];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
