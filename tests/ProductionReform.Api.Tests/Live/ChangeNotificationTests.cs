using Npgsql;
using ProductionReform.Api.Live;
using ProductionReform.Api.Tests.Mutations;
using ProductionReform.Data.Changes;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Tests.Live;

/// <summary>
/// Every committed write reaches the change hub of every API instance, whoever made it — a mutation or an operator's
/// SQL — and a listener that lost its connection announces what was committed while it was away.
/// </summary>
public sealed class ChangeNotificationTests : MutationTestBase
{
    protected override string Purpose => "live_notify";

    [Test]
    public async Task A_mutation_is_announced_with_its_list_operation_and_record()
    {
        using var recorder = await ChangeRecorder.StartAsync(Api.Services);
        var before = recorder.Hub.Version;

        var created = await SucceedAsync(Editor, "createEnterprise", new { name = "通知测试企业" }, "enterprise { id }");
        var id = GlobalId.Decode(created["enterprise"]!["id"]!.GetValue<string>()).Key;

        var change = await recorder.WaitForAsync(c => c.List == "enterprises" && c.RecordIds.Contains(id), "of the new enterprise");
        Assert.Multiple(() =>
        {
            Assert.That(change.Operation, Is.EqualTo("CREATE"));
            Assert.That(change.Version, Is.GreaterThan(before));
            Assert.That(recorder.Hub.Version, Is.GreaterThanOrEqualTo(change.Version));
        });
    }

    [Test]
    public async Task An_operators_sql_update_is_announced()
    {
        using var recorder = await ChangeRecorder.StartAsync(Api.Services);
        var id = await LiveDatabase.ScalarAsync<int>(Api.ConnectionString, "SELECT min(id) FROM regions");

        await LiveDatabase.ExecuteAsync(Api.ConnectionString, $"UPDATE regions SET description_en = 'Edited in psql' WHERE id = {id}");

        var change = await recorder.WaitForAsync(c => c.List == "regions" && c.RecordIds.Contains(id), "of the region");
        Assert.That(change.Operation, Is.EqualTo("UPDATE"));
    }

    [Test]
    public async Task Every_instance_on_the_database_hears_a_commit()
    {
        await using var second = Api.AnotherInstance();
        using var first = await ChangeRecorder.StartAsync(Api.Services);
        using var other = await ChangeRecorder.StartAsync(second.Services);
        var id = await LiveDatabase.ScalarAsync<int>(Api.ConnectionString, "SELECT min(id) FROM industries");

        await LiveDatabase.ExecuteAsync(Api.ConnectionString, $"UPDATE industries SET name_en = name_en || ' (both)' WHERE id = {id}");

        var heardFirst = await first.WaitForAsync(c => c.List == "industries" && c.RecordIds.Contains(id), "on the first instance");
        var heardOther = await other.WaitForAsync(c => c.List == "industries" && c.RecordIds.Contains(id), "on the second instance");
        Assert.That(heardOther.Version, Is.EqualTo(heardFirst.Version), "both instances name the commit by the same version");
    }

    [Test]
    public async Task An_instance_starts_at_the_version_of_the_database()
    {
        await using var started = Api.AnotherInstance();
        using var recorder = await ChangeRecorder.StartAsync(started.Services);
        // Read after the start: starting seeds, which may put back what earlier tests changed.
        var version = await LiveDatabase.ScalarAsync<long>(Api.ConnectionString, "SELECT max(version) FROM registry_commits");

        Assert.That(recorder.Hub.Version, Is.EqualTo(version).And.GreaterThan(0));
    }

    [Test]
    public async Task A_commit_too_big_for_a_notification_is_announced_from_the_log()
    {
        using var recorder = await ChangeRecorder.StartAsync(Api.Services);
        await using var listener = new NpgsqlConnection(Api.ConnectionString);
        await listener.OpenAsync();
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeCapture.Channel}", listener))
            await listen.ExecuteNonQueryAsync();
        var ids = new List<int>();
        await using (var connection = new NpgsqlConnection(Api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT id FROM enterprises ORDER BY id LIMIT 60", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        }

        // One statement per enterprise, three rounds: far more than a notification holds, in one transaction.
        await LiveDatabase.ExecuteAsync(Api.ConnectionString, $$"""
            DO $$ BEGIN
                FOR round IN 1..3 LOOP
                    FOR record IN 0..{{ids.Count - 1}} LOOP
                        UPDATE enterprises SET employee_count = coalesce(employee_count, 0) + 1
                        WHERE id = (ARRAY[{{string.Join(",", ids)}}])[record + 1];
                    END LOOP;
                END LOOP;
            END $$
            """);

        Assert.That(await listener.WaitAsync(TimeSpan.FromSeconds(60)), Is.True, "the commit was notified");
        var change = await recorder.WaitForAsync(c => c.List == "enterprises" && c.RecordIds.Count == ids.Count, "of all 60 firms");
        Assert.Multiple(() =>
        {
            Assert.That(payload, Does.Contain("\"version\"").And.Not.Contain("changes"), "the notification carries the version only");
            Assert.That(change.RecordIds, Is.EquivalentTo(ids));
            Assert.That(change.Operation, Is.EqualTo("UPDATE"));
        });
    }

    [Test]
    public async Task A_listener_whose_connection_is_killed_reconnects_and_announces_what_it_missed()
    {
        using var recorder = await ChangeRecorder.StartAsync(Api.Services);
        var id = await LiveDatabase.ScalarAsync<int>(Api.ConnectionString, "SELECT max(id) FROM regions");
        // The listener reconnects quickly, so a write may land after it is back; only a write it was away for counts.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await LiveDatabase.ExecuteAsync(Api.ConnectionString,
                $"{LiveDatabase.KillListener}; UPDATE regions SET description_en = 'While away {attempt}' WHERE id = {id}");
            var version = await LiveDatabase.ScalarAsync<long>(Api.ConnectionString, "SELECT max(version) FROM registry_commits");

            await recorder.WaitForAsync(c => c.Version == version && c.List == "regions" && c.RecordIds.Contains(id), "after the kill");
            var missed = await LiveDatabase.ScalarAsync<bool>(Api.ConnectionString, $"""
                SELECT committed_at < (SELECT backend_start FROM pg_stat_activity
                                       WHERE application_name = '{RegistryChangeListener.ApplicationName}' AND datname = current_database())
                FROM registry_commits WHERE version = {version}
                """);
            if (missed) return;
        }
        Assert.Fail("In five attempts the write never committed while the listener was away.");
    }
}
