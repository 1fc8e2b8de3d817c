using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// <c>order</c> by a statistic of a to-many relation (count, sum, avg), compared with an ORDER BY the test writes itself
/// in SQL: NULL (the average of no rows) last ascending and first descending, the id breaking ties. Walking the pages of
/// such an order both ways is in <see cref="PagingTests"/>.
/// </summary>
public sealed class AggregateSortingTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("aggregatesort");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task Enterprises_sort_by_how_many_studios_they_host()
    {
        var actual = await IdsAsync("enterprises", "[{ studios: { count: ASC } }]");
        var expected = await SqlIdsAsync("Enterprise", """
            SELECT e.id FROM enterprises e
            ORDER BY (SELECT count(*) FROM innovation_studios s WHERE s.host_enterprise_id = e.id) ASC, e.id
            """);
        Assert.That(actual, Is.EqualTo(expected));
        var byId = await SqlIdsAsync("Enterprise", "SELECT id FROM enterprises ORDER BY id");
        Assert.That(actual, Is.Not.EqualTo(byId), "not the ids' order");
    }

    [Test]
    public async Task Regions_sort_by_the_sum_and_industries_by_the_average_of_their_enterprises()
    {
        var bySum = await IdsAsync("regions", "[{ enterprises: { sum: { employeeCount: DESC } } }]");
        var byAverage = await IdsAsync("industries", "[{ enterprises: { avg: { employeeCount: ASC } } }]");
        var expectedBySum = await SqlIdsAsync("Region", """
            SELECT r.id FROM regions r
            ORDER BY (SELECT coalesce(sum(e.employee_count), 0) FROM enterprises e WHERE e.region_id = r.id) DESC, r.id
            """);
        var expectedByAverage = await SqlIdsAsync("Industry", """
            SELECT i.id FROM industries i
            ORDER BY (SELECT avg(e.employee_count) FROM enterprises e WHERE e.industry_id = i.id) ASC NULLS LAST, i.id
            """);
        Assert.Multiple(() =>
        {
            Assert.That(bySum, Is.EqualTo(expectedBySum));
            Assert.That(byAverage, Is.EqualTo(expectedByAverage));
        });
        Assert.That(bySum, Is.Not.EqualTo(await SqlIdsAsync("Region", "SELECT id FROM regions ORDER BY id")), "not the ids' order");
    }

    [Test]
    public async Task A_statistic_sorts_through_a_to_one_relation_and_other_keys_break_its_ties()
    {
        var actual = await IdsAsync("enterprises", "[{ region: { enterprises: { count: DESC } } }, { employeeCount: ASC }]");
        var expected = await SqlIdsAsync("Enterprise", """
            SELECT e.id FROM enterprises e
            ORDER BY (SELECT count(*) FROM enterprises o WHERE o.region_id = e.region_id) DESC, e.employee_count ASC NULLS LAST, e.id
            """);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_nested_list_sorts_each_parents_rows_by_a_statistic()
    {
        var data = await _api.QueryAsync("""
            { regions(first: 100) { nodes { id children(first: 100, order: [{ enterprises: { count: ASC } }]) { nodes { id } } } } }
            """);
        var expected = (await _api.SqlAsync("""
            SELECT r.parent_id, r.id FROM regions r WHERE r.parent_id IS NOT NULL
            ORDER BY r.parent_id, (SELECT count(*) FROM enterprises e WHERE e.region_id = r.id) ASC, r.id
            """)).GroupBy(r => GlobalId.Encode("Region", (int)r[0]!))
            .ToDictionary(g => g.Key, g => g.Select(r => GlobalId.Encode("Region", (int)r[1]!)).ToList());
        var byId = (await _api.SqlAsync("SELECT parent_id, id FROM regions WHERE parent_id IS NOT NULL ORDER BY parent_id, id"))
            .Select(r => GlobalId.Encode("Region", (int)r[1]!));

        var regions = data["regions"]!["nodes"]!.AsArray();
        Assert.That(expected.Values.SelectMany(ids => ids), Is.Not.EqualTo(byId), "not the ids' order");
        Assert.Multiple(() =>
        {
            foreach (var region in regions)
            {
                var ids = region!["children"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());
                Assert.That(ids, Is.EqualTo(expected.GetValueOrDefault(region["id"]!.GetValue<string>(), [])));
            }
        });
    }

    [Test]
    public async Task A_statistic_of_a_field_that_is_not_numeric_is_refused_with_a_code()
    {
        var error = await _api.ErrorAsync("{ regions(order: [{ enterprises: { sum: { name: ASC } } }]) { nodes { id } } }");
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("ARGUMENTS_OF_CORRECT_TYPE"));
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain("'sum'"));
    }

    private async Task<List<string>> IdsAsync(string list, string order)
    {
        var data = await _api.QueryAsync($"{{ {list}(first: 100, order: {order}) {{ nodes {{ id }} }} }}");
        return data[list]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<List<string>> SqlIdsAsync(string type, string sql) =>
        (await _api.SqlAsync(sql)).Select(r => GlobalId.Encode(type, (int)r[0]!)).ToList();
}
