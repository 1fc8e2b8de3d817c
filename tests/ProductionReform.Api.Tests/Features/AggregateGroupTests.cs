using Npgsql;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// <c>groups</c> with time buckets (and <c>fill</c>), <c>having</c>, distinct counts and sample deviations, each result
/// checked against SQL the test writes itself (date_trunc, generate_series, COUNT(DISTINCT), stddev_samp) on the same database.
/// </summary>
public sealed class AggregateGroupTests
{
    private const string Actor = "bucket test";

    private RegistryApi _api = null!;
    private string _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("aggregate-groups");
        _admin = await _api.CreateKeyAsync("aggregate groups", RegistryRole.Admin);
        // Writes in January, at 23:30 UTC on 31 March (1 April in Nantong: buckets are UTC), twice in June and in
        // November: February, April, May and July to October stay empty.
        await RowsAsync($$"""
            INSERT INTO audit_events (occurred_at, actor, operation, entity_type, entity_id, changes) VALUES
              ('2025-01-15 10:00:00+00', '{{Actor}}', 'CREATE', 'Enterprise', 1, '{}'),
              ('2025-03-31 23:30:00+00', '{{Actor}}', 'UPDATE', 'Enterprise', 1, '{}'),
              ('2025-06-02 08:00:00+00', '{{Actor}}', 'CREATE', 'Enterprise', 2, '{}'),
              ('2025-06-20 08:00:00+00', '{{Actor}}', 'DELETE', 'Enterprise', 2, '{}'),
              ('2025-11-05 08:00:00+00', '{{Actor}}', 'UPDATE', 'Enterprise', 3, '{}')
            """);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Yearly_buckets_with_fill_match_sql_and_include_the_empty_years()
    {
        var data = await _api.QueryAsync("""
            { indicatorValuesAggregate { groups(bucket: { field: PERIOD_START, unit: YEAR, fill: true }) {
                key { bucket { start unit } } count sum { value } } } }
            """);

        var expected = (await RowsAsync("""
            WITH years AS (
              SELECT generate_series(date_trunc('year', min(period_start)), date_trunc('year', max(period_start)), interval '1 year')::date
                AS start FROM indicator_values)
            SELECT to_char(y.start, 'YYYY-MM-DD') AS start, count(v.id)::int, sum(v.value)::float8
              FROM years y LEFT JOIN indicator_values v ON date_trunc('year', v.period_start)::date = y.start GROUP BY y.start
            UNION ALL
            SELECT NULL, count(*)::int, sum(value)::float8 FROM indicator_values WHERE period_start IS NULL HAVING count(*) > 0
            ORDER BY start NULLS LAST
            """)).Select(r => ((string?)r[0], (int)r[1]!, (double?)r[2])).ToList();
        var groups = data["indicatorValuesAggregate"]!["groups"]!.AsArray();
        var actual = groups.Select(g => (Start(g), g!["count"]!.GetValue<int>(), g["sum"]!["value"]?.GetValue<double>())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(expected.Count(e => e.Item2 == 0), Is.GreaterThan(0),
                "the seed leaves years without figures between its first and last");
            Assert.That(groups.Where(g => g!["key"]!["bucket"] is not null).Select(g => g!["key"]!["bucket"]!["unit"]!.GetValue<string>()),
                Has.All.EqualTo("YEAR"));
        });
    }

    [Test]
    public async Task Monthly_buckets_of_date_times_are_utc_and_filled()
    {
        var data = await _api.QueryAsAsync(_admin, $$"""
            { auditEventsAggregate(where: { actor: { eq: "{{Actor}}" } }) {
                groups(bucket: { field: OCCURRED_AT, unit: MONTH, fill: true }) { key { bucket { start unit } } count } } }
            """);

        var expected = (await RowsAsync($"""
            WITH mine AS (SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month
                            FROM audit_events WHERE actor = '{Actor}'),
                 months AS (SELECT generate_series(min(month), max(month), interval '1 month')::date AS start FROM mine)
            SELECT to_char(m.start, 'YYYY-MM-DD'), count(mine.month)::int FROM months m LEFT JOIN mine ON mine.month = m.start
            GROUP BY m.start ORDER BY m.start
            """)).Select(r => ((string?)r[0], (int)r[1]!)).ToList();
        var groups = data["auditEventsAggregate"]!["groups"]!.AsArray();
        var actual = groups.Select(g => (Start(g), g!["count"]!.GetValue<int>())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(actual, Has.Member(("2025-03-01", 1)), "23:30 UTC on 31 March is March");
            Assert.That(actual, Has.Member(("2025-02-01", 0)));
            Assert.That(groups.Select(g => g!["key"]!["bucket"]!["unit"]!.GetValue<string>()), Has.All.EqualTo("MONTH"));
        });
    }

    [Test]
    public async Task Each_series_is_filled_between_its_own_buckets_in_the_order_asked_and_cut_at_first()
    {
        var data = await _api.QueryAsAsync(_admin, $$"""
            { auditEventsAggregate(where: { actor: { eq: "{{Actor}}" } }) {
                all: groups(by: [OPERATION], bucket: { field: OCCURRED_AT, unit: QUARTER, fill: true }, order: [{ key: DESC }]) {
                  key { operation bucket { start } } count }
                firstThree: groups(by: [OPERATION], bucket: { field: OCCURRED_AT, unit: QUARTER, fill: true },
                  order: [{ key: DESC }], first: 3) { key { operation bucket { start } } count } } }
            """);

        var expected = (await RowsAsync($"""
            WITH mine AS (SELECT operation, date_trunc('quarter', occurred_at AT TIME ZONE 'UTC')::date AS quarter
                            FROM audit_events WHERE actor = '{Actor}'),
                 quarters AS (SELECT operation, generate_series(min(quarter), max(quarter), interval '3 months')::date AS start
                                FROM mine GROUP BY operation)
            SELECT q.operation, to_char(q.start, 'YYYY-MM-DD'), count(mine.quarter)::int
              FROM quarters q LEFT JOIN mine ON mine.operation = q.operation AND mine.quarter = q.start
            GROUP BY q.operation, q.start ORDER BY q.operation DESC, q.start DESC
            """)).Select(r => ((string)r[0]!, (string?)r[1], (int)r[2]!)).ToList();
        var aggregate = data["auditEventsAggregate"]!;
        (string, string?, int) Row(JsonNode? g) => (g!["key"]!["operation"]!.GetValue<string>(), Start(g), g["count"]!.GetValue<int>());

        Assert.Multiple(() =>
        {
            Assert.That(aggregate["all"]!.AsArray().Select(Row).ToList(), Is.EqualTo(expected));
            Assert.That(expected, Has.Member(("UPDATE", "2025-04-01", 0)), "UPDATE's series runs from Q1 to Q4 with Q2 and Q3 empty");
            Assert.That(aggregate["firstThree"]!.AsArray().Select(Row).ToList(), Is.EqualTo(expected.Take(3)));
        });
    }

    [Test]
    public async Task Having_keeps_the_groups_sql_having_keeps()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate {
                both: groups(by: [INDUSTRY, REGION], having: { count: { gte: 2 }, avg: { employeeCount: { gt: 1000 } } }, first: 100) {
                  key { industry { code } region { name } } count avg { employeeCount } }
                either: groups(by: [INDUSTRY],
                  having: { or: [{ distinctCount: { region: { gte: 3 } } }, { max: { employeeCount: { lt: 100 } } }] }) {
                  key { industry { code } } count } } }
            """);

        var both = (await RowsAsync("""
            SELECT i.code, r.name, count(*)::int, avg(e.employee_count)::float8
              FROM enterprises e LEFT JOIN industries i ON i.id = e.industry_id LEFT JOIN regions r ON r.id = e.region_id
            GROUP BY e.industry_id, e.region_id, i.code, r.name HAVING count(*) >= 2 AND avg(e.employee_count) > 1000
            """)).Select(r => ((string?)r[0], (string?)r[1], (int)r[2]!, Math.Round((double)r[3]!, 6))).ToList();
        var either = (await RowsAsync("""
            SELECT i.code, count(*)::int FROM enterprises e LEFT JOIN industries i ON i.id = e.industry_id
            GROUP BY e.industry_id, i.code HAVING count(DISTINCT e.region_id) >= 3 OR max(e.employee_count) < 100
            """)).Select(r => ((string?)r[0], (int)r[1]!)).ToList();
        var groups = (await RowsAsync("SELECT count(DISTINCT (industry_id, region_id))::int FROM enterprises")).Single()[0];
        var aggregate = data["enterprisesAggregate"]!;

        Assert.Multiple(() =>
        {
            Assert.That(aggregate["both"]!.AsArray().Select(g => (g!["key"]!["industry"]?["code"]?.GetValue<string>(),
                g["key"]!["region"]?["name"]?.GetValue<string>(), g["count"]!.GetValue<int>(),
                Math.Round(g["avg"]!["employeeCount"]!.GetValue<double>(), 6))), Is.EquivalentTo(both));
            Assert.That(both, Has.Count.GreaterThan(0).And.Count.LessThan((int)groups!), "having removes some groups, not all");
            Assert.That(aggregate["either"]!.AsArray().Select(g => (g!["key"]!["industry"]?["code"]?.GetValue<string>(),
                g["count"]!.GetValue<int>())), Is.EquivalentTo(either));
            Assert.That(either, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Distinct_counts_and_sample_deviations_match_sql_overall_and_per_group()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate {
                distinctCount { industry region isBackbone } stddev { employeeCount } variance { employeeCount }
                groups(by: [INDUSTRY]) {
                  key { industry { code } } distinctCount { region } stddev { employeeCount } variance { employeeCount } } } }
            """);

        var overall = (await RowsAsync("""
            SELECT count(DISTINCT industry_id)::int, count(DISTINCT region_id)::int, count(DISTINCT is_backbone)::int,
                   stddev_samp(employee_count)::float8, var_samp(employee_count)::float8 FROM enterprises
            """)).Single();
        var perIndustry = (await RowsAsync("""
            SELECT i.code, count(DISTINCT e.region_id)::int, stddev_samp(e.employee_count)::float8, var_samp(e.employee_count)::float8
              FROM enterprises e LEFT JOIN industries i ON i.id = e.industry_id GROUP BY e.industry_id, i.code
            """)).Select(r => ((string?)r[0], (int)r[1]!, Round(r[2]), Round(r[3]))).ToList();
        var aggregate = data["enterprisesAggregate"]!;

        Assert.Multiple(() =>
        {
            Assert.That(aggregate["distinctCount"]!["industry"]!.GetValue<int>(), Is.EqualTo(overall[0]));
            Assert.That(aggregate["distinctCount"]!["region"]!.GetValue<int>(), Is.EqualTo(overall[1]));
            Assert.That(aggregate["distinctCount"]!["isBackbone"]!.GetValue<int>(), Is.EqualTo(overall[2]));
            Assert.That(aggregate["stddev"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo((double)overall[3]!).Within(1e-9).Percent);
            Assert.That(aggregate["variance"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo((double)overall[4]!).Within(1e-9).Percent);
            Assert.That(aggregate["groups"]!.AsArray().Select(g => (g!["key"]!["industry"]?["code"]?.GetValue<string>(),
                g["distinctCount"]!["region"]!.GetValue<int>(), Round(g["stddev"]!["employeeCount"]?.GetValue<double>()),
                Round(g["variance"]!["employeeCount"]?.GetValue<double>()))), Is.EquivalentTo(perIndustry));
            Assert.That(perIndustry.Select(p => p.Item2), Has.Some.GreaterThan(1), "some industry spans several regions");
        });
    }

    [Test]
    public async Task A_relation_keyed_on_the_related_side_groups_and_counts_by_the_related_record()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate { distinctCount { pilot }
                groups(by: [INDUSTRY]) { key { industry { code } } count distinctCount { pilot } } } }
            """);
        var overall = (await RowsAsync("SELECT count(DISTINCT enterprise_id)::int FROM pilot_enrollments")).Single();
        var perIndustry = (await RowsAsync("""
            SELECT i.code, count(*)::int, count(DISTINCT p.id)::int FROM enterprises e LEFT JOIN industries i ON i.id = e.industry_id
              LEFT JOIN pilot_enrollments p ON p.enterprise_id = e.id GROUP BY e.industry_id, i.code
            """)).Select(r => ((string?)r[0], (int)r[1]!, (int)r[2]!)).ToList();
        var aggregate = data["enterprisesAggregate"]!;

        Assert.That(aggregate["distinctCount"]!["pilot"]!.GetValue<int>(), Is.EqualTo(overall[0]).And.GreaterThan(1));
        Assert.That(aggregate["groups"]!.AsArray().Select(g => (g!["key"]!["industry"]?["code"]?.GetValue<string>(),
            g["count"]!.GetValue<int>(), g["distinctCount"]!["pilot"]!.GetValue<int>())), Is.EquivalentTo(perIndustry));
    }

    [Test]
    public async Task Real_and_sample_records_group_apart()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate { groups(by: [IS_SAMPLE, INDUSTRY]) { key { isSample industry { code } } count } } }
            """);

        var expected = (await RowsAsync("""
            SELECT e.is_sample, i.code, count(*)::int FROM enterprises e LEFT JOIN industries i ON i.id = e.industry_id
            GROUP BY e.is_sample, e.industry_id, i.code
            """)).Select(r => ((bool)r[0]!, (string?)r[1], (int)r[2]!)).ToList();
        var actual = data["enterprisesAggregate"]!["groups"]!.AsArray().Select(g => (g!["key"]!["isSample"]!.GetValue<bool>(),
            g["key"]!["industry"]?["code"]?.GetValue<string>(), g["count"]!.GetValue<int>()));

        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EquivalentTo(expected));
            Assert.That(expected.Select(e => e.Item1).Distinct().Count(), Is.EqualTo(2), "the seed has both real and sample enterprises");
        });
    }

    [Test]
    public async Task Buckets_having_and_distinct_counts_keep_one_statement_per_aggregate_field()
    {
        var statements = await _api.SqlStatementsAsync("""
            { indicatorValuesAggregate { count distinctCount { indicator } stddev { value }
                filled: groups(by: [REGION], bucket: { field: PERIOD_START, unit: YEAR, fill: true }) {
                  key { region { name } bucket { start } } count distinctCount { indicator } variance { value } }
                kept: groups(by: [INDICATOR], having: { count: { gte: 1 }, distinctCount: { region: { lte: 1 } } }) {
                  key { indicator { code } } count } } }
            """);

        Assert.That(statements, Is.EqualTo(3), "the summary and each groups field");
    }

    [TestCase("groups(bucket: { field: VALUE, unit: YEAR }) { count }", "ARGUMENTS_OF_CORRECT_TYPE", "IndicatorValueDateField")]
    [TestCase("groups(by: [REGION], having: { avg: { qualifier: { gt: 1 } } }) { count }", "ARGUMENTS_OF_CORRECT_TYPE", "qualifier")]
    [TestCase("groups(by: [REGION], having: { count: { gt: null } }) { count }", "INVALID_FILTER", "having.count.gt")]
    [TestCase("groups(bucket: { field: AS_OF, unit: YEAR, fill: true }, having: { count: { gte: 2 } }) { count }",
        "INVALID_ARGUMENT", "having")]
    [TestCase("groups(bucket: { field: AS_OF, unit: YEAR, fill: true }, order: [{ count: DESC }]) { count }", "INVALID_ARGUMENT", "count")]
    [TestCase("groups(by: [INDICATOR, REGION, QUALIFIER, IS_YEAR_TO_DATE], bucket: { field: AS_OF, unit: YEAR }) { count }",
        "LIMIT_EXCEEDED", "'by' and 'bucket'")]
    [TestCase("groups { count }", "INVALID_ARGUMENT", "'bucket'")]
    public async Task Bad_group_arguments_are_refused_with_a_code(string groups, string code, string mentioned)
    {
        var error = await _api.ErrorAsync($"{{ indicatorValuesAggregate {{ {groups} }} }}");

        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(mentioned));
        });
    }

    private static string? Start(JsonNode? group) => group!["key"]!["bucket"]?["start"]?.GetValue<string>();

    private static double? Round(object? value) => value is double number ? Math.Round(number, 6) : null;

    private async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
