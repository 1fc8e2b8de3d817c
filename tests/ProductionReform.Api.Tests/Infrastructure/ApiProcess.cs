using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Access;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>
/// The built API (ProductionReform.Api.dll) in a process of its own on real Kestrel, so that a test can kill it or send it
/// SIGTERM. It migrates and seeds its database at start, as in production.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<ApiProcess> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProductionReform.Api.dll"));
        start.Environment["ConnectionStrings__Registry"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Limits__RateLimit__Enabled"] = "false"; // every client of a test shares one address
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Critical"; // its own log of every failed command
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var api = new ApiProcess(Process.Start(start)!, address);
        api._process.OutputDataReceived += (_, line) => api.Append(line.Data);
        api._process.ErrorDataReceived += (_, line) => api.Append(line.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();

        var ready = Stopwatch.StartNew();
        while (true)
        {
            if (api.HasExited) throw new AssertionException($"The API exited ({api.ExitCode}) while starting:\n{api.Output}");
            try
            {
                using var response = await api.Client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (ready.Elapsed > TimeSpan.FromMinutes(2)) throw new AssertionException($"The API did not start:\n{api.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Creates an API key in the database the process serves (as <c>keys create</c> does) and returns its text.</summary>
    public static async Task<string> CreateKeyAsync(string connectionString, string name, RegistryRole role)
    {
        var options = RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), connectionString).Options;
        await using var db = new RegistryDbContext(options);
        var (_, secret) = await new ApiKeys(db).CreateAsync(name, role);
        return secret;
    }

    /// <summary>SIGKILL: the process ends at once, without cleaning anything up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as a container runtime or systemd sends it to stop the service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 4_000_000) _output.AppendLine(line);
        }
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
