namespace ProductionReform.Api.Tests.Features;

public sealed class AggregateTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("aggregates");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Sample_pilots_group_by_industry_as_the_issue_shows()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate(where: { isSample: { eq: true } }) {
                count
                groups(by: [INDUSTRY]) { key { industry { name } } count } } }
            """);

        var aggregate = data["enterprisesAggregate"]!;
        var groups = aggregate["groups"]!.AsArray().ToDictionary(
            g => g!["key"]!["industry"]!["name"]!.GetValue<string>(), g => g!["count"]!.GetValue<int>());
        Assert.Multiple(() =>
        {
            Assert.That(aggregate["count"]!.GetValue<int>(), Is.EqualTo(64));
            Assert.That(groups, Is.EqualTo(new Dictionary<string, int> { ["建筑"] = 24, ["纺织"] = 40 }));
            Assert.That(aggregate["groups"]![0]!["count"]!.GetValue<int>(), Is.EqualTo(40), "largest group first by default");
        });
    }

    [Test]
    public async Task Groups_by_industry_and_region_match_the_rows_counted_one_by_one()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate(where: { isSample: { eq: true } }) {
                groups(by: [INDUSTRY, REGION], first: 100) { key { industry { code } region { name } } count sum { employeeCount } } }
              enterprises(where: { isSample: { eq: true } }, first: 100) { nodes { employeeCount industry { code } region { name } } } }
            """);

        var expected = data["enterprises"]!["nodes"]!.AsArray()
            .GroupBy(e => (e!["industry"]!["code"]!.GetValue<string>(), e["region"]!["name"]!.GetValue<string>()))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(e => e!["employeeCount"]!.GetValue<double>())));
        var actual = data["enterprisesAggregate"]!["groups"]!.AsArray().ToDictionary(
            g => (g!["key"]!["industry"]!["code"]!.GetValue<string>(), g["key"]!["region"]!["name"]!.GetValue<string>()),
            g => (g!["count"]!.GetValue<int>(), g["sum"]!["employeeCount"]!.GetValue<double>()));

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Count_sum_average_minimum_and_maximum_agree_with_the_rows()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate(where: { industry: { code: { eq: "TEXTILE" } } }) {
                count sum { employeeCount } avg { employeeCount } min { employeeCount } max { employeeCount } }
              enterprises(where: { industry: { code: { eq: "TEXTILE" } } }, first: 100) { nodes { employeeCount } } }
            """);

        var counts = data["enterprises"]!["nodes"]!.AsArray().Select(e => e!["employeeCount"]!.GetValue<double>()).ToList();
        var aggregate = data["enterprisesAggregate"]!;
        Assert.Multiple(() =>
        {
            Assert.That(aggregate["count"]!.GetValue<int>(), Is.EqualTo(counts.Count));
            Assert.That(aggregate["sum"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(counts.Sum()));
            Assert.That(aggregate["avg"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(counts.Average()).Within(1e-9));
            Assert.That(aggregate["min"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(counts.Min()));
            Assert.That(aggregate["max"]!["employeeCount"]!.GetValue<double>(), Is.EqualTo(counts.Max()));
        });
    }

    [Test]
    public async Task A_dashboard_draws_studios_by_kind_and_every_indicator_value_in_one_request()
    {
        var body = await _api.PostAsync("""
            { innovationStudiosAggregate { groups(by: [KIND]) { key { kind } count } }
              indicators(first: 100) { nodes { code unit values { nodes { value periodStart region { name } } } } } }
            """);

        var kinds = body["data"]!["innovationStudiosAggregate"]!["groups"]!.AsArray()
            .Select(g => g!["key"]!["kind"]!.GetValue<string>())
            .ToList();
        var indicators = body["data"]!["indicators"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(kinds, Is.SupersetOf(new[] { "KNOWLEDGE_PROPERTY_BANK", "CROWD_INNOVATION_BANK", "STUDIO_CLUSTER" }));
            Assert.That(indicators.Select(i => i!["values"]!["nodes"]!.AsArray().Count), Has.All.GreaterThan(0));
            Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.EqualTo(3),
                "one statement for the groups, one per list field");
        });
    }

    [Test]
    public async Task Each_aggregate_field_is_one_statement()
    {
        var statements = await _api.SqlStatementsAsync("""
            { enterprisesAggregate { count sum { employeeCount } max { employeeCount }
                groups(by: [INDUSTRY, REGION, IS_SAMPLE]) { key { industry { name parent { name } } region { name } isSample } count } } }
            """);

        Assert.That(statements, Is.EqualTo(2), "the summary and the groups");
    }

    [Test]
    public async Task Groups_are_sorted_by_count_or_key_on_request()
    {
        var data = await _api.QueryAsync("""
            { byCount: enterprisesAggregate { groups(by: [REGION], order: [{ count: ASC }]) { count } }
              byKey: enterprisesAggregate {
                groups(by: [CONSTRUCTION_QUALIFICATION], order: [{ key: DESC }]) { key { constructionQualification } }
              } }
            """);

        var counts = data["byCount"]!["groups"]!.AsArray().Select(g => g!["count"]!.GetValue<int>()).ToList();
        Assert.That(counts, Is.Ordered.Ascending);
    }

    [Test]
    public async Task Bad_group_arguments_are_refused_with_a_code()
    {
        var unknown = await _api.ErrorAsync("{ enterprisesAggregate { groups(by: [COLOUR]) { count } } }");
        var tooMany = await _api.ErrorAsync(
            "{ enterprisesAggregate { groups(by: [INDUSTRY, REGION, IS_SAMPLE, IS_BACKBONE, NAME]) { count } } }");
        var tooLarge = await _api.ErrorAsync("{ enterprisesAggregate { groups(by: [INDUSTRY], first: 1000) { count } } }");

        Assert.Multiple(() =>
        {
            Assert.That(unknown["extensions"]!["code"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(unknown["message"]!.GetValue<string>(), Does.Contain("COLOUR"));
            Assert.That(tooMany["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(tooMany["extensions"]!["measured"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(tooLarge["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
        });
    }
}
