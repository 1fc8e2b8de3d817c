using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace ProductionReform.Benchmarks;

/// <summary>
/// A GraphQL server under test in a process of its own on loopback, so that its CPU and memory can be read
/// from /proc apart from the load clients: the API's published build, or PostGraphile from npm.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int LogLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly StreamWriter _logFile;

    private ServerProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _logFile = new StreamWriter(LogPath(name)) { AutoFlush = true };
        Client = LoadRunner.ClientFor(baseAddress);
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Pid => _process.Id;
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    /// <summary>From process start to the first ready answer (the API's /readyz, PostGraphile's first query).</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>Where the server's whole output of the latest run is kept: an error answered under load is told there.</summary>
    public static string LogPath(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Report.RepositoryRoot(), ".data", "bench")).FullName, $"{name}.log");

    /// <summary>
    /// The API's Release build (built with this project: it is a project reference) in Production, rate limit off (the
    /// clients share one address), <c>Diagnostics:SqlCount</c> on so that answers carry <c>extensions.sqlStatements</c>,
    /// the response cache on (the cached GET workload), the gen0 budget of production starts; <paramref name="environment"/>
    /// is set last.
    /// </summary>
    public static Task<ServerProcess> StartApiAsync(string connectionString, int port, IReadOnlyDictionary<string, string> environment)
    {
        var root = BenchServer.ApiContentRoot();
        var dll = Path.Combine(AppContext.BaseDirectory, "ProductionReform.Api.dll");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", root } };
        start.Environment["ConnectionStrings__Registry"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Diagnostics__SqlCount"] = "true";
        start.Environment["HttpCaching__ResponseCache"] = "true";
        start.Environment["Limits__RateLimit__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_GCgen0size"] = "0x2000000"; // as scripts/run and the image start the API
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return StartAsync("API", start, port, "/readyz", null);
    }

    /// <summary>
    /// PostGraphile v4 with postgraphile-plugin-connection-filter (postgraphile/package.json, installed with npm into
    /// its git-ignored node_modules on first use) on the public schema, query log off as its docs advise for production.
    /// </summary>
    public static async Task<ServerProcess> StartPostGraphileAsync(string connectionString, int port)
    {
        var folder = Path.Combine(Report.RepositoryRoot(), "tests", "ProductionReform.Benchmarks", "postgraphile");
        var cli = Path.Combine(folder, "node_modules", "postgraphile", "cli.js");
        if (!File.Exists(cli)) await NpmInstallAsync(folder);
        await HideChangeCaptureAsync(connectionString);
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var url = $"postgres://{Uri.EscapeDataString(c.Username!)}:{Uri.EscapeDataString(c.Password ?? "")}@{c.Host}:{c.Port}/{c.Database}";
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            ArgumentList =
            {
                cli, "--connection", url, "--schema", "public", "--host", "127.0.0.1", "--port", port.ToString(),
                "--append-plugins", "postgraphile-plugin-connection-filter", "--disable-query-log", "--disable-graphiql",
            },
        };
        start.Environment["NODE_ENV"] = "production";
        return await StartAsync("PostGraphile", start, port, null, """{"query":"{ __typename }"}""");
    }

    /// <summary>
    /// The change log's row type (<c>registry_change</c>) and table (<c>registry_changes</c>) would both be PostGraphile's
    /// <c>RegistryChange</c>, which stops it at start; a smart comment names the type apart (its @omit does not apply to a type).
    /// </summary>
    private static async Task HideChangeCaptureAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$ BEGIN
              IF to_regtype('registry_change') IS NOT NULL THEN
                COMMENT ON TYPE registry_change IS E'@name RegistryChangeRow';
              END IF;
            END $$
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task NpmInstallAsync(string folder)
    {
        Console.WriteLine($"  npm install in {folder} …");
        using var npm = Process.Start(new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder, ArgumentList = { "install", "--no-audit", "--no-fund" },
        })!;
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install failed in {folder} (exit {npm.ExitCode}).");
    }

    private static async Task<ServerProcess> StartAsync(
        string name, ProcessStartInfo start, int port, string? readyPath, string? readyQuery)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var watch = Stopwatch.StartNew();
        var server = new ServerProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var probe = LoadRunner.ClientFor(server.BaseAddress);
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (server._process.HasExited)
                throw new InvalidOperationException($"{name} exited with {server._process.ExitCode}:\n{server.RecentOutput()}");
            try
            {
                using var response = readyPath is not null
                    ? await probe.GetAsync(readyPath)
                    : await probe.PostAsync("/graphql", new StringContent(readyQuery!, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    server.ReadyAfter = watch.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException) { }
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{name} was not ready on port {port} within 120 s:\n{server.RecentOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _logFile.WriteLine(line);
            _log.Enqueue(line);
            if (_log.Count > LogLines) _log.Dequeue();
        }
    }

    public string RecentOutput()
    {
        lock (_log) return string.Join('\n', _log);
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
        lock (_log) _logFile.Dispose();
    }
}
