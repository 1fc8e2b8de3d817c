using Npgsql;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// Field-level provenance: every field a citation says it supports is answered with that citation, for the fields of
/// the record's own type, checked against the link tables read directly.
/// </summary>
public sealed class FieldProvenanceTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("provenance");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Each_real_enterprise_answers_the_citation_behind_each_field_it_states()
    {
        var fields = await FieldsOfAsync("Enterprise");
        var data = await _api.QueryAsync("""
            {
              enterprises(where: { isSample: { eq: false } }, first: 100) {
                nodes { name provenance { field citation { code quote source { title } } } }
              }
            }
            """);
        var answered = data["enterprises"]!["nodes"]!.AsArray()
            .SelectMany(n => n!["provenance"]!.AsArray().Select(p => (
                Name: n["name"]!.GetValue<string>(),
                Field: p!["field"]!.GetValue<string>(),
                Code: p["citation"]!["code"]!.GetValue<string>())))
            .ToHashSet();
        var expected = await LinkedAsync("""
            SELECT e.name, f.field, c.code FROM citation_enterprise j
            JOIN enterprises e ON e.id = j.enterprises_id JOIN citations c ON c.id = j.sources_id
            CROSS JOIN LATERAL unnest(c.supports) AS f(field)
            WHERE NOT e.is_sample AND f.field = ANY(@fields)
            """, fields);
        var citations = data["enterprises"]!["nodes"]!.AsArray().SelectMany(n => n!["provenance"]!.AsArray()).Select(p => p!["citation"]!);
        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty, "the seed cites fields of real enterprises");
            Assert.That(answered, Is.EquivalentTo(expected));
            Assert.That(answered.Select(a => a.Field).Distinct(), Is.SubsetOf(fields), "only fields of the Enterprise type");
            Assert.That(citations.Select(c => c["quote"]!.GetValue<string>()), Has.None.Empty);
            Assert.That(citations.Select(c => c["source"]!["title"]?.GetValue<string>()), Has.None.Null);
        });
    }

    [Test]
    public async Task Indicator_values_answer_their_cited_fields_in_one_batch_without_selecting_the_citation()
    {
        var fields = await FieldsOfAsync("IndicatorValue");
        var body = await _api.PostAsync("{ indicatorValues(first: 100) { nodes { id provenance { field } } } }");
        var answered = body["data"]!["indicatorValues"]!["nodes"]!.AsArray()
            .Sum(n => n!["provenance"]!.AsArray().Count);
        var expected = await LinkedAsync("""
            SELECT v.id::text, f.field, c.code FROM citation_indicator_value j
            JOIN indicator_values v ON v.id = j.indicator_values_id JOIN citations c ON c.id = j.sources_id
            CROSS JOIN LATERAL unnest(c.supports) AS f(field)
            WHERE f.field = ANY(@fields)
            """, fields);
        Assert.Multiple(() =>
        {
            Assert.That(body["errors"], Is.Null);
            Assert.That(answered, Is.EqualTo(expected.Count).And.GreaterThan(0));
            // The list, then one statement for the provenance of every value on the page (no citations to load).
            Assert.That(body["extensions"]?["sqlStatements"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    private async Task<string[]> FieldsOfAsync(string type) =>
        (await _api.QueryAsync("query($t: String!) { __type(name: $t) { fields { name } } }", new { t = type }))["__type"]!["fields"]!
            .AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();

    private async Task<HashSet<(string, string, string)>> LinkedAsync(string sql, string[] fields)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("fields", fields);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new HashSet<(string, string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }
}
