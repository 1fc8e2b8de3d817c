using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// <c>aggregate</c> on connections and segments, root and nested, checked against SQL the test writes itself: the
/// statistics cover every row that <c>where</c> keeps (not the page), and nested ones are each parent's own.
/// </summary>
public sealed class ConnectionAggregateTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("connaggregates");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task A_root_connection_and_segment_aggregate_every_row_of_where_not_the_page()
    {
        var data = await _api.QueryAsync("""
            { enterprises(first: 3, where: { isSample: { eq: true }, employeeCount: { gte: 1000 } }) {
                nodes { id }
                aggregate { count sum { employeeCount } avg { employeeCount } min { employeeCount } max { employeeCount } } }
              enterprisesPage(skip: 5, take: 2, where: { isSample: { eq: true }, employeeCount: { gte: 1000 } }) {
                items { id } aggregate { count max { employeeCount } } } }
            """);
        var expected = (await _api.SqlAsync("""
            SELECT count(*), sum(employee_count), avg(employee_count::float8), min(employee_count), max(employee_count)
            FROM enterprises WHERE is_sample AND employee_count >= 1000
            """)).Single();

        var aggregate = data["enterprises"]!["aggregate"]!;
        var segment = data["enterprisesPage"]!["aggregate"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToInt32(expected[0]), Is.GreaterThan(3), "more rows than the page");
            Assert.That(data["enterprises"]!["nodes"]!.AsArray(), Has.Count.EqualTo(3));
            Assert.That(aggregate["count"]!.GetValue<int>(), Is.EqualTo(Convert.ToInt32(expected[0])));
            Assert.That(aggregate["sum"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(Convert.ToDouble(expected[1])));
            Assert.That(aggregate["avg"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(Convert.ToDouble(expected[2])).Within(1e-9));
            Assert.That(aggregate["min"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(Convert.ToDouble(expected[3])));
            Assert.That(aggregate["max"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(Convert.ToDouble(expected[4])));
            Assert.That(segment["count"]!.GetValue<int>(), Is.EqualTo(Convert.ToInt32(expected[0])));
            Assert.That(segment["max"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(Convert.ToDouble(expected[4])));
        });
    }

    [Test]
    public async Task Nested_aggregates_are_each_parents_own_with_where_applied()
    {
        var data = await _api.QueryAsync("""
            { regions(first: 100) { nodes { id
                enterprises(first: 1, where: { employeeCount: { gte: 1000 } }) {
                  aggregate { count sum { employeeCount } avg { employeeCount } max { employeeCount } } } } } }
            """);
        // Every region, with or without such enterprises: a LEFT JOIN, so regions without any count 0.
        var expected = (await _api.SqlAsync("""
            SELECT r.id, count(e.id), sum(e.employee_count), avg(e.employee_count::float8), max(e.employee_count)
            FROM regions r LEFT JOIN enterprises e ON e.region_id = r.id AND e.employee_count >= 1000
            GROUP BY r.id
            """)).ToDictionary(r => GlobalId.Encode("Region", (int)r[0]!));

        var regions = data["regions"]!["nodes"]!.AsArray();
        Assert.That(regions.Select(r => r!["id"]!.GetValue<string>()), Is.EquivalentTo(expected.Keys));
        Assert.That(expected.Values.Count(r => Convert.ToInt32(r[1]) > 1), Is.GreaterThan(1), "several parents with several rows");
        Assert.That(expected.Values.Count(r => Convert.ToInt32(r[1]) == 0), Is.GreaterThan(0), "a parent without rows");
        Assert.Multiple(() =>
        {
            foreach (var region in regions)
            {
                var row = expected[region!["id"]!.GetValue<string>()];
                var aggregate = region["enterprises"]!["aggregate"]!;
                Assert.That(aggregate["count"]!.GetValue<int>(), Is.EqualTo(Convert.ToInt32(row[1])));
                Assert.That(aggregate["sum"]!["employeeCount"]?.GetValue<double>(), Is.EqualTo(Nullable(row[2])));
                Assert.That(Rounded(aggregate["avg"]!["employeeCount"]?.GetValue<double>()), Is.EqualTo(Rounded(Nullable(row[3]))));
                Assert.That(aggregate["max"]!["employeeCount"]?.GetValue<double>(), Is.EqualTo(Nullable(row[4])));
            }
        });
    }

    [Test]
    public async Task Nested_groups_give_each_parent_its_largest_groups_with_related_objects()
    {
        var data = await _api.QueryAsync("""
            { industries(first: 100) { nodes { id
                enterprises(where: { isSample: { eq: true } }) {
                  aggregate { groups(by: [REGION, IS_SAMPLE], first: 3) { key { region { id name } isSample } count } } } } } }
            """);
        // Largest groups first, the region's key breaking ties, three per industry.
        var expected = (await _api.SqlAsync("""
            SELECT e.industry_id, e.region_id, r.name, count(*) FROM enterprises e LEFT JOIN regions r ON r.id = e.region_id
            WHERE e.is_sample GROUP BY e.industry_id, e.region_id, r.name
            ORDER BY e.industry_id, count(*) DESC, e.region_id
            """)).Where(r => r[0] is not null).GroupBy(r => GlobalId.Encode("Industry", (int)r[0]!))
            .ToDictionary(g => g.Key, g => g.Take(3).Select(r => $"{r[2]}:{r[3]}").ToList());

        var industries = data["industries"]!["nodes"]!.AsArray();
        Assert.That(expected.Values.Count(groups => groups.Count > 1), Is.GreaterThan(1), "several parents with several groups");
        Assert.Multiple(() =>
        {
            foreach (var industry in industries)
            {
                var groups = industry!["enterprises"]!["aggregate"]!["groups"]!.AsArray();
                var actual = groups.Select(g => $"{g!["key"]!["region"]?["name"]?.GetValue<string>()}:{g["count"]!.GetValue<int>()}");
                Assert.That(actual, Is.EqualTo(expected.GetValueOrDefault(industry["id"]!.GetValue<string>(), [])));
                Assert.That(groups.Select(g => g!["key"]!["isSample"]!.GetValue<bool>()), Has.All.True);
            }
        });
    }

    [Test]
    public async Task Nested_groups_apply_having_distinct_counts_and_filled_buckets_per_parent()
    {
        const string Query = """
            { industries(first: 100) { nodes { id
                enterprises { aggregate { distinctCount { region }
                  groups(by: [REGION], having: { count: { gte: 2 } }) { key { region { id } } count } } } } }
              indicators(first: 100) { nodes { id
                values { aggregate { groups(bucket: { field: PERIOD_START, unit: YEAR, fill: true }) {
                  key { bucket { start } } count } } } } } }
            """;
        // A figure three years after one of the seed's, so that its indicator has empty years between them.
        await _api.SqlAsync("""
            CREATE TEMP TABLE later AS SELECT * FROM indicator_values WHERE period_start IS NOT NULL ORDER BY id LIMIT 1;
            UPDATE later SET id = (SELECT max(id) + 1 FROM indicator_values), period_start = period_start + interval '3 years',
                             period_end = NULL, as_of = (period_start + interval '3 years')::date;
            INSERT INTO indicator_values OVERRIDING SYSTEM VALUE SELECT * FROM later;
            DROP TABLE later;
            """);
        var data = await _api.QueryAsync(Query);
        var distinctRegions = (await _api.SqlAsync("""
            SELECT i.id, count(DISTINCT e.region_id) FROM industries i LEFT JOIN enterprises e ON e.industry_id = i.id GROUP BY i.id
            """)).ToDictionary(r => GlobalId.Encode("Industry", (int)r[0]!), r => Convert.ToInt32(r[1]));
        var largeGroups = (await _api.SqlAsync("""
            SELECT industry_id, region_id, count(*) FROM enterprises WHERE industry_id IS NOT NULL
            GROUP BY industry_id, region_id HAVING count(*) >= 2 ORDER BY industry_id, count(*) DESC, region_id
            """)).GroupBy(r => GlobalId.Encode("Industry", (int)r[0]!))
            .ToDictionary(g => g.Key, g => g.Select(r => $"{(r[1] is null ? "" : GlobalId.Encode("Region", (int)r[1]!))}:{r[2]}")
                .ToList());
        // Each indicator's own years, from its first to its last, those without figures counted 0.
        var years = (await _api.SqlAsync("""
            WITH spans AS (SELECT indicator_id, date_trunc('year', min(period_start)) AS first,
                                  date_trunc('year', max(period_start)) AS last
                           FROM indicator_values WHERE period_start IS NOT NULL GROUP BY indicator_id)
            SELECT s.indicator_id, to_char(y, 'YYYY-MM-DD'),
                   (SELECT count(*) FROM indicator_values v
                    WHERE v.indicator_id = s.indicator_id AND date_trunc('year', v.period_start) = y)
            FROM spans s, generate_series(s.first, s.last, interval '1 year') AS y ORDER BY s.indicator_id, y
            """)).GroupBy(r => GlobalId.Encode("Indicator", (int)r[0]!))
            .ToDictionary(g => g.Key, g => g.Select(r => $"{r[1]}:{r[2]}").ToList());

        Assert.That(largeGroups.Values.Count(groups => groups.Count > 1), Is.GreaterThan(1), "several parents with several large groups");
        Assert.That(years.Values.SelectMany(v => v).Count(v => v.EndsWith(":0")), Is.GreaterThan(0), "an indicator with an empty year");
        Assert.Multiple(() =>
        {
            foreach (var industry in data["industries"]!["nodes"]!.AsArray())
            {
                var id = industry!["id"]!.GetValue<string>();
                var aggregate = industry["enterprises"]!["aggregate"]!;
                Assert.That(aggregate["distinctCount"]!["region"]!.GetValue<int>(), Is.EqualTo(distinctRegions[id]));
                var groups = aggregate["groups"]!.AsArray()
                    .Select(g => $"{g!["key"]!["region"]?["id"]?.GetValue<string>()}:{g["count"]!.GetValue<int>()}");
                Assert.That(groups, Is.EqualTo(largeGroups.GetValueOrDefault(id, [])));
            }
            foreach (var indicator in data["indicators"]!["nodes"]!.AsArray())
            {
                var groups = indicator!["values"]!["aggregate"]!["groups"]!.AsArray()
                    .Where(g => g!["key"]!["bucket"] is not null)
                    .Select(g => $"{g!["key"]!["bucket"]!["start"]!.GetValue<string>()}:{g["count"]!.GetValue<int>()}");
                Assert.That(groups, Is.EqualTo(years.GetValueOrDefault(indicator["id"]!.GetValue<string>(), [])));
            }
        });
        Assert.That(await _api.SqlStatementsAsync(Query), Is.EqualTo(5), "two lists and three aggregate fields");
    }

    [Test]
    public async Task A_many_to_many_relation_aggregates_through_its_join_table()
    {
        var data = await _api.QueryAsync("{ regions(first: 100) { nodes { id sources { aggregate { count } } } } }");
        var expected = (await _api.SqlAsync("""
            SELECT r.id, count(c.sources_id) FROM regions r LEFT JOIN citation_region c ON c.regions_id = r.id GROUP BY r.id
            """))
            .ToDictionary(r => GlobalId.Encode("Region", (int)r[0]!), r => Convert.ToInt32(r[1]));

        var actual = data["regions"]!["nodes"]!.AsArray()
            .ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["sources"]!["aggregate"]!["count"]!.GetValue<int>());
        Assert.That(expected.Values, Has.Some.GreaterThan(1));
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Aggregates_under_nested_lists_at_depth_two_belong_to_their_own_parent()
    {
        var data = await _api.QueryAsync("""
            { regions(first: 100) { nodes { children(first: 100) {
                nodes { id enterprises { aggregate { count sum { employeeCount } } } } } } } }
            """);
        var expected = (await _api.SqlAsync("""
            SELECT r.id, count(e.id), sum(e.employee_count) FROM regions r LEFT JOIN enterprises e ON e.region_id = r.id
            WHERE r.parent_id IS NOT NULL GROUP BY r.id
            """)).ToDictionary(r => GlobalId.Encode("Region", (int)r[0]!), r => (Convert.ToInt32(r[1]), Nullable(r[2])));

        var actual = data["regions"]!["nodes"]!.AsArray().SelectMany(r => r!["children"]!["nodes"]!.AsArray()).ToDictionary(
            r => r!["id"]!.GetValue<string>(),
            r => (r!["enterprises"]!["aggregate"]!["count"]!.GetValue<int>(),
                r["enterprises"]!["aggregate"]!["sum"]!["employeeCount"]?.GetValue<double>()));
        Assert.That(expected.Values.Select(v => v.Item1).Distinct().Count(), Is.GreaterThan(2), "parents with different counts");
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    private static double? Nullable(object? value) => value is null ? null : Convert.ToDouble(value);

    private static double? Rounded(double? value) => value is { } number ? Math.Round(number, 6) : null;
}
