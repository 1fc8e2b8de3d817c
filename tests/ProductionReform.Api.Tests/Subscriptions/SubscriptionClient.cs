using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace ProductionReform.Api.Tests.Subscriptions;

/// <summary>
/// A reference client in a Node process (clients/subscribe.mjs: graphql-ws over WebSocket or graphql-sse over server-sent
/// events), its messages read line by line. The npm packages are installed into clients/node_modules (git-ignored) the
/// first time they are missing.
/// </summary>
public sealed class SubscriptionClient : IAsyncDisposable
{
    /// <summary>Not an assertion on speed: the bound after which a hung client fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly SemaphoreSlim Installing = new(1, 1);
    private readonly Process _process;
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly System.Text.StringBuilder _errors = new();

    private SubscriptionClient(Process process)
    {
        _process = process;
        _ = ReadAsync();
        _process.ErrorDataReceived += (_, e) => { lock (_errors) _errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    public static string Folder => Path.Combine(Repository.Root, "tests", "ProductionReform.Api.Tests", "Subscriptions", "clients");

    /// <summary>One operation of a client: the document, its variables, and how many results to take before stopping.</summary>
    public sealed record Operation(string Query, object? Variables = null, int Take = 1);

    /// <summary>Starts graphql-ws against <paramref name="address"/> (ws://…/graphql) with one WebSocket for all operations.</summary>
    public static Task<SubscriptionClient> WebSocketAsync(Uri address, object? connectionParams, params Operation[] operations) =>
        StartAsync(new
        {
            transport = "ws", url = new Uri(address, "/graphql").ToString().Replace("http", "ws"), connectionParams, operations,
        });

    /// <summary>Starts graphql-sse in distinct-connections mode (one event stream per operation).</summary>
    public static Task<SubscriptionClient> EventStreamAsync(Uri address, IDictionary<string, string>? headers,
        params Operation[] operations) =>
        StartAsync(new { transport = "sse", url = new Uri(address, "/graphql").ToString(), headers, operations });

    private static async Task<SubscriptionClient> StartAsync(object spec)
    {
        await InstallAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("subscribe.mjs");
        start.ArgumentList.Add(JsonSerializer.Serialize(spec, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return new SubscriptionClient(Process.Start(start)!);
    }

    /// <summary><c>npm ci</c> when the clients are not installed (a fresh checkout, a clean CI machine).</summary>
    private static async Task InstallAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "graphql-sse"))) return;
            var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start)!;
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
                Assert.Fail($"npm ci in {Folder} failed ({npm.ExitCode}): {await output}{await error}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is JsonObject message) _messages.Writer.TryWrite(message);
        }
        _messages.Writer.TryComplete();
    }

    /// <summary>The next message the client printed (<c>{index, type, payload | error}</c>).</summary>
    public async Task<JsonObject> NextAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            if (await _messages.Reader.WaitToReadAsync(patience.Token) && _messages.Reader.TryRead(out var message))
                return message;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The client printed nothing for {Patience.TotalSeconds} s. stderr: {Errors}");
        }
        Assert.Fail($"The client ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}). stderr: {Errors}");
        return null!;
    }

    /// <summary>Every message until the client leaves (each operation took its results, completed or failed).</summary>
    public async Task<List<JsonObject>> RestAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        var rest = new List<JsonObject>();
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(patience.Token)) rest.Add(message);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The client did not leave within {Patience.TotalSeconds} s; it printed {rest.Count} messages. stderr: {Errors}");
        }
        return rest;
    }

    private string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
