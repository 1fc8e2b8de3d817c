using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ProductionReform.Api.Tests.Explorer;

/// <summary>
/// The API on a real Kestrel socket at 127.0.0.1:&lt;free port&gt; (a browser cannot reach the in-memory test server), on a
/// seeded database of its own, and Debian's Chromium driven by Playwright. Each page it opens records its console
/// errors and every URL it requests, so that a test can check that nothing failed and nothing left 127.0.0.1.
/// </summary>
public sealed class ExplorerHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly IPlaywright _playwright;

    private ExplorerHost(string connectionString, WebApplicationFactory<Program> factory, Uri baseAddress,
        IPlaywright playwright, IBrowser browser)
    {
        ConnectionString = connectionString;
        _factory = factory;
        BaseAddress = baseAddress;
        _playwright = playwright;
        Browser = browser;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public string ConnectionString { get; }
    public Uri BaseAddress { get; }
    public IBrowser Browser { get; }

    /// <summary>A plain HTTP client of the same server, to ask the API what the page should show.</summary>
    public HttpClient Client { get; }

    /// <summary>Where Debian puts Chromium (scripts/chromium installs it), unless CHROMIUM_PATH names another.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<ExplorerHost> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"Chromium is not installed at {ChromiumPath}; scripts/test installs it (scripts/chromium), or set CHROMIUM_PATH.");

        var connectionString = await TestDatabase.CreateAsync("explorer");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Registry", connectionString);
            host.UseSetting("Limits:RateLimit:Enabled", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        // A loaded machine renders slowly; waiting longer changes nothing that is asserted.
        Assertions.SetDefaultExpectTimeout(30_000);
        return new ExplorerHost(connectionString, factory, new Uri(address), playwright, browser);
    }

    /// <summary>A fresh browser context (own storage) with one page, the given viewport, and its watchers.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new WatchedPage(context, page);
    }

    public Task<string> CreateKeyAsync(string name, ProductionReform.Domain.RegistryRole role) =>
        RegistryApi.CreateKeyAsync(_factory.Services, name, role);

    /// <summary>POSTs a query to the server (with a bearer key when given) and returns its <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject();
        if (body?["errors"] is JsonArray { Count: > 0 } || body?["data"] is not JsonObject data)
            throw new AssertionException($"The query failed ({(int)response.StatusCode}): {text}");
        return data;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Client.Dispose();
        await _factory.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
