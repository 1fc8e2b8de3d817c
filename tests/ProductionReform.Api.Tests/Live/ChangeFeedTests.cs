using System.Globalization;
using Npgsql;
using ProductionReform.Api.Tests.Mutations;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Tests.Live;

/// <summary>
/// <c>changes</c>: the change log as a public, paged feed — every write with its fields, before and after for ADMIN,
/// and cursors that neither skip nor repeat an event while writers commit concurrently.
/// </summary>
public sealed class ChangeFeedTests : MutationTestBase
{
    protected override string Purpose => "live_feed";

    private const string Feed = """
        query($since: String, $lists: [String!], $first: Int) {
          changes(since: $since, lists: $lists, first: $first) {
            pageInfo { hasNextPage endCursor }
            nodes { version position occurredAt list recordId operation fields }
          }
        }
        """;

    private Task<long> CurrentVersionAsync() =>
        LiveDatabase.ScalarAsync<long>(Api.ConnectionString, "SELECT coalesce(max(version), 0) FROM registry_commits");

    private async Task<JsonArray> EventsAsync(string? key, long since, params string[] lists)
    {
        var variables = new { since = since.ToString(CultureInfo.InvariantCulture), lists = lists.Length > 0 ? lists : null, first = 100 };
        var data = await Api.QueryAsAsync(key, Feed.Replace("fields }", "fields changes { field before after } }"), variables);
        return data["changes"]!["nodes"]!.AsArray();
    }

    [Test]
    public async Task A_mutation_appears_with_its_fields_and_ADMIN_sees_before_and_after()
    {
        var since = await CurrentVersionAsync();
        var created = await SucceedAsync(Editor, "createEnterprise", new { name = "变更流测试企业" }, "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        await SucceedAsync(Editor, "updateEnterprise",
            new { id, version = created["enterprise"]!["version"]!.GetValue<long>(), employeeCount = 350 }, "enterprise { id }");

        var events = await EventsAsync(Admin, since, "enterprises");

        Assert.That(events.Select(e => (e!["operation"]!.GetValue<string>(), e["recordId"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("CREATE", id), ("UPDATE", id) }));
        var update = events[1]!;
        Assert.Multiple(() =>
        {
            Assert.That(events[0]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("name").And.Contain("isSample"));
            Assert.That(update["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "employeeCount" }));
            Assert.That(update["changes"]!.AsArray().Select(c => (c!["field"]!.GetValue<string>(), c["after"]?.GetValue<string>())),
                Is.EqualTo(new[] { ("employeeCount", "350") }));
            Assert.That(update["version"]!.GetValue<long>(), Is.GreaterThan(events[0]!["version"]!.GetValue<long>()));
        });
    }

    [Test]
    public async Task Only_ADMIN_may_ask_for_before_and_after()
    {
        var refused = await Api.PostAsAsync(Editor, "{ changes(first: 1) { nodes { changes { field } } } }");
        var open = await Api.QueryAsync("{ changes(first: 1) { nodes { list fields } } }");

        Assert.Multiple(() =>
        {
            Assert.That(refused["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>(), Is.EqualTo("AUTH_NOT_AUTHORIZED"));
            Assert.That(open["changes"]!["nodes"]!.AsArray(), Has.Count.EqualTo(1), "the feed itself is public");
        });
    }

    [Test]
    public async Task An_operators_sql_link_is_an_update_of_both_records_without_audit_values()
    {
        var since = await CurrentVersionAsync();
        var (enterprise, citation) = (await LiveDatabase.ScalarAsync<int>(Api.ConnectionString, "SELECT max(id) FROM enterprises"),
            await LiveDatabase.ScalarAsync<int>(Api.ConnectionString, "SELECT max(id) FROM citations"));
        await LiveDatabase.ExecuteAsync(Api.ConnectionString,
            $"INSERT INTO citation_enterprise (enterprises_id, sources_id) VALUES ({enterprise}, {citation})");

        var events = await EventsAsync(Admin, since);

        Assert.That(events.Select(e => (e!["recordId"]!.GetValue<string>(), e["operation"]!.GetValue<string>(),
                string.Join(",", e["fields"]!.AsArray().Select(f => f!.GetValue<string>())), e["changes"])),
            Is.EquivalentTo(new (string, string, string, JsonNode?)[]
            {
                (GlobalId.Encode("Enterprise", enterprise), "UPDATE", "sources", null),
                (GlobalId.Encode("Citation", citation), "UPDATE", "enterprises", null),
            }));
    }

    [Test]
    public async Task Pages_read_while_writers_commit_have_no_gaps_and_no_repeats()
    {
        var since = await CurrentVersionAsync();
        var regions = await LiveDatabase.ScalarAsync<int[]>(Api.ConnectionString, "SELECT array_agg(id ORDER BY id) FROM regions");
        using var writing = new CancellationTokenSource();
        // Each writer's transactions write twice with a pause between, so statements and commits of writers interleave;
        // each writer has rows of its own, so they never wait for each other.
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(Api.ConnectionString);
            await connection.OpenAsync();
            for (var round = 0; round < 15; round++)
            {
                await using var command = new NpgsqlCommand($"""
                    BEGIN;
                    UPDATE regions SET description_en = 'writer {writer} round {round}' WHERE id = {regions[writer]};
                    SELECT pg_sleep(random() * 0.03);
                    UPDATE regions SET description = 'writer {writer} round {round}' WHERE id = {regions[writer + 4]};
                    COMMIT;
                    """, connection);
                await command.ExecuteNonQueryAsync();
            }
        })).ToList();

        var read = new List<(long Version, long Position)>();
        var cursor = since.ToString(CultureInfo.InvariantCulture);
        var done = false;
        while (true)
        {
            var finished = writers.All(w => w.IsCompleted);
            var page = (await Api.QueryAsync(Feed, new { since = cursor, first = 7 }))["changes"]!;
            read.AddRange(page["nodes"]!.AsArray().Select(n => (n!["version"]!.GetValue<long>(), n["position"]!.GetValue<long>())));
            cursor = page["pageInfo"]!["endCursor"]?.GetValue<string>() ?? cursor;
            if (done && !page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            done = finished;
        }
        await Task.WhenAll(writers);

        var logged = new List<(long, long)>();
        await using (var connection = new NpgsqlConnection(Api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                SELECT c.version, l.position FROM registry_commits c JOIN registry_changes l USING (transaction_id)
                WHERE c.version > {since} ORDER BY c.version, l.position
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) logged.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }
        Assert.Multiple(() =>
        {
            Assert.That(logged, Has.Count.GreaterThanOrEqualTo(4 * 15 * 2), "every transaction logged its writes");
            Assert.That(read, Is.Unique, "no event was read twice");
            Assert.That(read, Is.EquivalentTo(logged), "no event was skipped");
            Assert.That(read, Is.EqualTo(logged), "the events came in commit order");
        });
    }

    [Test]
    public async Task Bad_arguments_are_refused_with_their_codes()
    {
        var cursor = await Api.ErrorAsync("""{ changes(since: "not a cursor") { nodes { list } } }""");
        var list = await Api.ErrorAsync("""{ changes(lists: ["enterprises", "nope"]) { nodes { list } } }""");
        var size = await Api.ErrorAsync("{ changes(first: 101) { nodes { list } } }");

        Assert.Multiple(() =>
        {
            Assert.That(cursor["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
            Assert.That(list["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ARGUMENT"));
            Assert.That(list["extensions"]!["validNames"]!.AsArray().Select(n => n!.GetValue<string>()),
                Does.Contain("enterprises").And.Not.Contain("nope").And.Not.Contain("auditEvents"));
            Assert.That(size["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
        });
    }

    [Test]
    public async Task A_page_of_the_feed_is_one_sql_statement() =>
        Assert.That(await Api.SqlStatementsAsync("{ changes(first: 50) { edges { cursor node { list recordId fields } } } }"),
            Is.EqualTo(1));
}
