using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductionReform.Api.Live;
using ProductionReform.Api.Subscriptions;

namespace ProductionReform.Api.Tests.Subscriptions;

/// <summary>
/// The API on a real Kestrel socket at 127.0.0.1:&lt;free port&gt; (the Node clients cannot reach the in-memory test server).
/// Several hosts may share one database, as instances of the API do.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    /// <summary>Not an assertion on speed: how long a test waits for subscriptions to start listening before it fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly WebApplicationFactory<Program> _factory;

    private LiveHost(WebApplicationFactory<Program> factory, Uri address)
    {
        _factory = factory;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts a host and waits until its change listener is connected: every commit after that reaches it.</summary>
    public static async Task<LiveHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Registry", connectionString);
            host.UseSetting("Limits:RateLimit:Enabled", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) host.UseSetting(key, value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await factory.Services.GetServices<IHostedService>().OfType<RegistryChangeListener>().Single().Listening;
        return new LiveHost(factory, new Uri(address));
    }

    /// <summary>Waits until this host has <paramref name="count"/> subscriptions listening to changes.</summary>
    public async Task ListeningAsync(int count)
    {
        var slots = Services.GetRequiredService<SubscriptionSlots>();
        using var patience = new CancellationTokenSource(Patience);
        while (slots.Listening < count)
        {
            if (patience.IsCancellationRequested)
                Assert.Fail($"{slots.Listening} subscriptions listen; {count} were expected within {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    public Task<string> CreateKeyAsync(string name, ProductionReform.Domain.RegistryRole role) =>
        RegistryApi.CreateKeyAsync(Services, name, role);

    /// <summary>POSTs a query or mutation (with a bearer key when given) and returns its <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject();
        if (body?["errors"] is JsonArray { Count: > 0 } || body?["data"] is not JsonObject data)
            throw new AssertionException($"The request failed ({(int)response.StatusCode}): {text}");
        return data;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
