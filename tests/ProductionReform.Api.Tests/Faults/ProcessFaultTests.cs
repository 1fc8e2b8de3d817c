using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>
/// The API as its own process, on a database of its own: killed (SIGKILL) in the middle of a 100,000-row import it leaves
/// nothing behind; stopped (SIGTERM) in the middle of one it finishes it first and exits cleanly.
/// </summary>
[NonParallelizable]
public sealed class ProcessFaultTests
{
    private string _connectionString = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("process");
        _editor = await ApiProcess.CreateKeyAsync(_connectionString, "Process editor", RegistryRole.Editor);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await TestDatabase.DropAsync(_connectionString);

    [Test]
    public async Task An_import_killed_halfway_leaves_nothing_of_it_in_the_database()
    {
        await using var api = await ApiProcess.StartAsync(_connectionString);
        var before = await CountsAsync("终止测试企业");
        var body = new PausingContent(Csv("终止测试企业", 100_000), pauseAt: 0.6);
        var import = SendImportAsync(api, body);

        await body.Paused;
        await WaitForAsync("the import to write its first batches", async () => await ScalarAsync(ImportWriting) > 0);
        api.Kill();
        Assert.That(await api.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True);
        body.Resume();
        Assert.That(async () => await import,
            Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>().Or.InstanceOf<TaskCanceledException>());
        // PostgreSQL rolls the transaction back as soon as it sees the connection gone.
        // (The test's own pooled, idle connection stays: the import's transaction is the session that writes enterprises.)
        await WaitForAsync("the killed import's transaction to end", async () => await ScalarAsync(ImportWriting) == 0);

        Assert.That(await CountsAsync("终止测试企业"), Is.EqualTo(before));
    }

    [Test]
    public async Task Sigterm_lets_an_import_in_flight_finish_then_the_process_exits_cleanly()
    {
        await using var api = await ApiProcess.StartAsync(_connectionString,
            new Dictionary<string, string> { ["Hosting__ShutdownTimeout"] = "00:01:00" });
        var body = new PausingContent(Csv("优雅停机企业", 5_000), pauseAt: 0.5);
        var import = SendImportAsync(api, body);

        await body.Paused;
        api.Terminate();
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // the host is stopping: no new requests, this one goes on
        body.Resume();
        var (status, answer) = await import;

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer);
            Assert.That(await api.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True, api.Output);
            Assert.That(api.ExitCode, Is.Zero, api.Output);
            Assert.That(api.Output, Does.Contain("Application is shutting down"));
            Assert.That((await CountsAsync("优雅停机企业")).Enterprises, Is.EqualTo(5_000));
        });
    }

    /// <summary>Sessions with a transaction that has written to enterprises: the import's, while it runs.</summary>
    private const string ImportWriting = """
        SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'enterprises' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()
        """;

    private async Task<(HttpStatusCode Status, string Body)> SendImportAsync(ApiProcess api, HttpContent body)
    {
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import/enterprises") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _editor);
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Csv(string prefix, int rows)
    {
        var csv = new StringBuilder("name,nameEn,industry,isSample\r\n", rows * 64);
        for (var i = 1; i <= rows; i++) csv.Append($"{prefix}{i:D6},Fault test enterprise {i:D6},纺织,true\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<(long Enterprises, long AuditEvents)> CountsAsync(string prefix) =>
        (await ScalarAsync($"SELECT count(*) FROM enterprises WHERE name LIKE '{prefix}%'"),
            await ScalarAsync("SELECT count(*) FROM audit_events"));

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Polls a condition; the bound only keeps a broken run from hanging.</summary>
    private static async Task WaitForAsync(string what, Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) Assert.Fail($"Gave up waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// A request body sent in chunks that stops at a fraction of its length until resumed, so that a test can act mid-request.
    /// </summary>
    private sealed class PausingContent(byte[] bytes, double pauseAt) : HttpContent
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => _paused.Task;

        public void Resume() => _resumed.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var pause = (int)(bytes.Length * pauseAt);
            for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
            {
                if (offset >= pause && !_paused.Task.IsCompleted)
                {
                    await stream.FlushAsync();
                    _paused.TrySetResult();
                    await _resumed.Task;
                }
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
