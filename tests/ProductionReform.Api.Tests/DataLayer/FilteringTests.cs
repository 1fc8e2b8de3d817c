using Npgsql;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// <c>where</c> over real HTTP: every operation of every operation input, checked against the rows fetched
/// without a filter and evaluated in C# (with C#'s null semantics, as EF Core translates them), or against SQL.
/// </summary>
public sealed class FilteringTests
{
    private RegistryApi _api = null!;
    private List<Firm> _firms = null!;
    private List<Value> _values = null!;

    private sealed record Firm(string Id, string Name, string? NameEn, int? EmployeeCount, bool IsSample,
        string? RegionName, string? RegionParentName, string? IndustryCode);

    private sealed record Value(string Id, decimal Amount, DateOnly? PeriodStart);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("filtering");

        var data = await _api.QueryAsync("""
            {
              enterprises(first: 100) {
                totalCount
                nodes { id name nameEn employeeCount isSample region { name parent { name } } industry { code } }
              }
            }
            """);
        var nodes = data["enterprises"]!["nodes"]!.AsArray();
        Assert.That(nodes, Has.Count.EqualTo(data["enterprises"]!["totalCount"]!.GetValue<int>()), "one page holds every enterprise");
        _firms = nodes.Select(n => new Firm(
            n!["id"]!.GetValue<string>(),
            n["name"]!.GetValue<string>(),
            n["nameEn"]?.GetValue<string>(),
            n["employeeCount"]?.GetValue<int>(),
            n["isSample"]!.GetValue<bool>(),
            n["region"]?["name"]?.GetValue<string>(),
            n["region"]?["parent"]?["name"]?.GetValue<string>(),
            n["industry"]?["code"]?.GetValue<string>())).ToList();

        var values = await _api.QueryAsync("{ indicatorValues(first: 100) { totalCount nodes { id value periodStart } } }");
        var valueNodes = values["indicatorValues"]!["nodes"]!.AsArray();
        Assert.That(valueNodes, Has.Count.EqualTo(values["indicatorValues"]!["totalCount"]!.GetValue<int>()));
        _values = valueNodes.Select(n => new Value(
            n!["id"]!.GetValue<string>(),
            n["value"]!.GetValue<decimal>(),
            n["periodStart"] is { } start ? DateOnly.Parse(start.GetValue<string>()) : null)).ToList();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    // ---- String ----------------------------------------------------------------------------------------

    [TestCase("eq", "示例纺织企业07")]
    [TestCase("neq", "示例纺织企业07")]
    [TestCase("contains", "纺织")]
    [TestCase("ncontains", "纺织")]
    [TestCase("startsWith", "示例建筑")]
    [TestCase("nstartsWith", "示例建筑")]
    [TestCase("endsWith", "01")]
    [TestCase("nendsWith", "01")]
    public async Task String_operations_on_name(string operation, string text)
    {
        var expected = _firms.Where(f => StringOperation(operation, f.Name, text)).Select(f => f.Id);
        var actual = await EnterpriseIdsAsync(Where("name", operation, text));
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual, Is.Not.Empty, "the case must select something");
    }

    [Test]
    public async Task String_in_and_nin_on_name()
    {
        var names = new[] { _firms[0].Name, _firms[^1].Name, "没有这家企业" };
        var inIds = await EnterpriseIdsAsync(Where("name", "in", names));
        var ninIds = await EnterpriseIdsAsync(Where("name", "nin", names));
        Assert.Multiple(() =>
        {
            Assert.That(inIds, Is.EquivalentTo(_firms.Where(f => names.Contains(f.Name)).Select(f => f.Id)));
            Assert.That(inIds, Has.Count.EqualTo(2));
            Assert.That(ninIds, Is.EquivalentTo(_firms.Where(f => !names.Contains(f.Name)).Select(f => f.Id)));
        });
    }

    [TestCase("contains", "sample textile")]
    [TestCase("contains", "SAMPLE TEXTILE")]
    [TestCase("startsWith", "sample construction")]
    [TestCase("endsWith", "OPTICS")]
    [TestCase("ncontains", "Sample")]
    [TestCase("nstartsWith", "SAMPLE C")]
    [TestCase("nendsWith", "firm 01")]
    public async Task Pattern_operations_ignore_case(string operation, string text)
    {
        var expected = _firms.Where(f => StringOperation(operation, f.NameEn, text)).Select(f => f.Id).ToList();
        var actual = await EnterpriseIdsAsync(Where("nameEn", operation, text));
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual, Is.Not.Empty);
    }

    [Test]
    public async Task Eq_is_exact_and_case_sensitive()
    {
        var firm = _firms.First(f => f.NameEn is not null && f.NameEn.Any(char.IsUpper));
        Assert.That(await EnterpriseIdsAsync(Where("nameEn", "eq", firm.NameEn)), Is.EqualTo(new[] { firm.Id }));
        Assert.That(await EnterpriseIdsAsync(Where("nameEn", "eq", firm.NameEn!.ToLowerInvariant())), Is.Empty);
    }

    [TestCase("%")]
    [TestCase("_")]
    [TestCase("\\")]
    public async Task Like_wildcards_in_the_users_text_match_literally(string character)
    {
        // No name holds the character (checked in SQL), so a literal match finds nothing, where a
        // wildcard would have matched every name.
        Assert.That(await SqlCountAsync(
                "SELECT count(*) FROM enterprises WHERE strpos(name, @c) > 0 OR strpos(coalesce(name_en, ''), @c) > 0",
            ("c", character)), Is.Zero);
        Assert.That(await EnterpriseIdsAsync(Where("name", "contains", character)), Is.Empty);
        Assert.That(await EnterpriseIdsAsync(Where("nameEn", "startsWith", character)), Is.Empty);
        Assert.That(await EnterpriseIdsAsync(Where("name", "ncontains", character)), Has.Count.EqualTo(_firms.Count));
    }

    [TestCase("Sample%Firm", "Sample Textile Firm")]
    [TestCase("Firm_0", "Firm 0")]
    [TestCase("Firm\\ 0", "Firm 0")]
    public async Task Escaped_text_does_not_act_as_a_pattern(string escapedText, string whatAWildcardWouldMatch)
    {
        // As a pattern, the text would match names that hold the second text; read literally it matches none.
        Assert.That(_firms.Count(f => f.NameEn!.Contains(whatAWildcardWouldMatch, StringComparison.OrdinalIgnoreCase)), Is.Positive);
        Assert.That(await EnterpriseIdsAsync(Where("nameEn", "contains", escapedText)), Is.Empty);
    }

    [Test]
    public async Task Contains_agrees_with_sql()
    {
        var expected = await SqlCountAsync("SELECT count(*) FROM enterprises WHERE strpos(name, @t) > 0", ("t", "示例"));
        var data = await _api.QueryAsync("""{ enterprises(where: { name: { contains: "示例" } }) { totalCount } }""");
        Assert.That(expected, Is.EqualTo(_firms.Count(f => f.Name.Contains("示例"))));
        Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(expected));
    }

    [Test]
    public async Task And_or_at_string_operation_level()
    {
        var either = await EnterpriseIdsAsync(new Dictionary<string, object?>
        {
            ["name"] = new Dictionary<string, object?>
            {
                ["or"] = new object[] { Op("startsWith", "中"), Op("endsWith", "光学") },
            },
        });
        var both = await EnterpriseIdsAsync(new Dictionary<string, object?>
        {
            ["nameEn"] = new Dictionary<string, object?>
            {
                ["and"] = new object[] { Op("contains", "sample"), Op("ncontains", "textile") },
            },
        });
        Assert.Multiple(() =>
        {
            Assert.That(either,
                Is.EquivalentTo(_firms.Where(f => f.Name.StartsWith("中") || f.Name.EndsWith("光学")).Select(f => f.Id)));
            Assert.That(either, Has.Count.EqualTo(2));
            Assert.That(both, Is.EquivalentTo(_firms.Where(f =>
                f.NameEn!.Contains("sample", StringComparison.OrdinalIgnoreCase) &&
                !f.NameEn.Contains("textile", StringComparison.OrdinalIgnoreCase)).Select(f => f.Id)));
            Assert.That(both, Is.Not.Empty);
        });
    }

    [Test]
    public async Task And_or_at_entity_level()
    {
        var threshold = Median(_firms.Where(f => f.EmployeeCount is not null).Select(f => f.EmployeeCount!.Value));
        var or = await EnterpriseIdsAsync(new Dictionary<string, object?>
        {
            ["or"] = new object[] { Where("name", "startsWith", "示例建筑"), Where("employeeCount", "eq", null) },
        });
        var and = await EnterpriseIdsAsync(new Dictionary<string, object?>
        {
            ["and"] = new object[]
            {
                Where("isSample", "eq", true), Where("employeeCount", "gt", threshold), Where("name", "contains", "纺织"),
            },
        });
        Assert.Multiple(() =>
        {
            Assert.That(or,
                Is.EquivalentTo(_firms.Where(f => f.Name.StartsWith("示例建筑") || f.EmployeeCount is null).Select(f => f.Id)));
            Assert.That(and, Is.EquivalentTo(_firms
                .Where(f => f.IsSample && f.EmployeeCount > threshold && f.Name.Contains("纺织"))
                .Select(f => f.Id)));
            Assert.That(and, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Eq_null_is_IS_NULL_and_neq_null_is_IS_NOT_NULL()
    {
        var isNull = await EnterpriseIdsAsync(Where("employeeCount", "eq", null));
        var isNotNull = await EnterpriseIdsAsync(Where("employeeCount", "neq", null));
        var nullInSql = await SqlCountAsync("SELECT count(*) FROM enterprises WHERE employee_count IS NULL");
        Assert.Multiple(() =>
        {
            Assert.That(isNull, Is.EquivalentTo(_firms.Where(f => f.EmployeeCount is null).Select(f => f.Id)));
            Assert.That(isNull, Has.Count.EqualTo(nullInSql));
            Assert.That(isNull, Is.Not.Empty);
            Assert.That(isNotNull, Is.EquivalentTo(_firms.Where(f => f.EmployeeCount is not null).Select(f => f.Id)));
            Assert.That(isNotNull, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Eq_null_on_a_column_that_cannot_be_null_matches_nothing()
    {
        // isSample is Boolean!: null is neither true nor false.
        Assert.That(await EnterpriseIdsAsync(Where("isSample", "eq", null)), Is.Empty);
        Assert.That(await EnterpriseIdsAsync(Where("isSample", "neq", null)), Has.Count.EqualTo(_firms.Count));
    }

    // ---- Comparable: Int, Decimal, Date --------------------------------------------------------------

    private static readonly string[] ComparableOperations = ["eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    [TestCaseSource(nameof(ComparableOperations))]
    public async Task Int_operations_on_employee_count(string operation)
    {
        var threshold = Median(_firms.Where(f => f.EmployeeCount is not null).Select(f => f.EmployeeCount!.Value));
        var expected = _firms.Where(f => Compare(f.EmployeeCount, operation, threshold)).Select(f => f.Id);
        var actual = await EnterpriseIdsAsync(Where("employeeCount", operation, threshold));
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual, Is.Not.Empty);
    }

    [Test]
    public async Task Int_in_and_nin()
    {
        var counts = _firms.Where(f => f.EmployeeCount is not null).Select(f => f.EmployeeCount!.Value).Distinct().Take(3)
            .Append(-1).ToArray();
        var inIds = await EnterpriseIdsAsync(Where("employeeCount", "in", counts));
        var ninIds = await EnterpriseIdsAsync(Where("employeeCount", "nin", counts));
        Assert.Multiple(() =>
        {
            Assert.That(inIds, Is.EquivalentTo(_firms.Where(f => f.EmployeeCount is { } c && counts.Contains(c)).Select(f => f.Id)));
            Assert.That(inIds, Is.Not.Empty);
            Assert.That(ninIds, Is.EquivalentTo(_firms.Where(f => !(f.EmployeeCount is { } c && counts.Contains(c))).Select(f => f.Id)));
        });
    }

    [TestCaseSource(nameof(ComparableOperations))]
    public async Task Decimal_operations_on_indicator_values(string operation)
    {
        var threshold = Median(_values.Select(v => v.Amount));
        var expected = _values.Where(v => Compare<decimal>(v.Amount, operation, threshold)).Select(v => v.Id);
        var actual = await IndicatorValueIdsAsync(Where("value", operation, threshold));
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual, Is.Not.Empty);
    }

    [Test]
    public async Task Decimal_in_and_nin()
    {
        var amounts = _values.Select(v => v.Amount).Distinct().Take(2).Append(0.5m).ToArray();
        var inIds = await IndicatorValueIdsAsync(Where("value", "in", amounts));
        var ninIds = await IndicatorValueIdsAsync(Where("value", "nin", amounts));
        Assert.Multiple(() =>
        {
            Assert.That(inIds, Is.EquivalentTo(_values.Where(v => amounts.Contains(v.Amount)).Select(v => v.Id)));
            Assert.That(inIds, Is.Not.Empty);
            Assert.That(ninIds, Is.EquivalentTo(_values.Where(v => !amounts.Contains(v.Amount)).Select(v => v.Id)));
        });
    }

    [TestCaseSource(nameof(ComparableOperations))]
    public async Task Date_operations_on_period_start(string operation)
    {
        var dates = _values.Where(v => v.PeriodStart is not null).Select(v => v.PeriodStart!.Value).Distinct().Order().ToList();
        Assert.That(dates, Has.Count.GreaterThan(1), "the seed has several period starts");
        // Every date in use, and one between the first two, so each operation meets rows on both sides.
        var between = dates[0].AddDays((dates[1].DayNumber - dates[0].DayNumber) / 2);
        var found = 0;
        foreach (var threshold in dates.Append(between))
        {
            var expected = _values.Where(v => Compare(v.PeriodStart, operation, threshold)).Select(v => v.Id);
            var actual = await IndicatorValueIdsAsync(Where("periodStart", operation, threshold.ToString("yyyy-MM-dd")));
            Assert.That(actual, Is.EquivalentTo(expected), $"periodStart {operation} {threshold:yyyy-MM-dd}");
            found += actual.Count;
        }
        Assert.That(found, Is.Positive);
    }

    [Test]
    public async Task Date_in_and_nin()
    {
        var dates = _values.Where(v => v.PeriodStart is not null).Select(v => v.PeriodStart!.Value).Distinct().Take(1).ToArray();
        var texts = dates.Select(d => d.ToString("yyyy-MM-dd")).ToArray();
        var inIds = await IndicatorValueIdsAsync(Where("periodStart", "in", texts));
        var ninIds = await IndicatorValueIdsAsync(Where("periodStart", "nin", texts));
        Assert.Multiple(() =>
        {
            Assert.That(inIds, Is.EquivalentTo(_values.Where(v => v.PeriodStart is { } d && dates.Contains(d)).Select(v => v.Id)));
            Assert.That(inIds, Is.Not.Empty);
            Assert.That(ninIds, Is.EquivalentTo(_values.Where(v => !(v.PeriodStart is { } d && dates.Contains(d))).Select(v => v.Id)));
        });
    }

    // ---- Boolean and enums ---------------------------------------------------------------------------

    [TestCase("eq", true)]
    [TestCase("eq", false)]
    [TestCase("neq", true)]
    [TestCase("neq", false)]
    public async Task Boolean_operations_on_is_sample(string operation, bool value)
    {
        var expected = _firms.Where(f => operation == "eq" ? f.IsSample == value : f.IsSample != value).Select(f => f.Id);
        var actual = await EnterpriseIdsAsync(Where("isSample", operation, value));
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual, Is.Not.Empty);
    }

    [TestCase("innovationStudios", "InnovationStudioFilterInput")]
    [TestCase("regions", "RegionFilterInput")]
    public async Task Enum_operations_on_kind(string root, string filterInput)
    {
        var data = await _api.QueryAsync($"{{ {root}(first: 100) {{ totalCount nodes {{ id kind }} }} }}");
        var rows = data[root]!["nodes"]!.AsArray()
            .Select(n => (Id: n!["id"]!.GetValue<string>(), Kind: n["kind"]!.GetValue<string>()))
            .ToList();
        Assert.That(rows, Has.Count.EqualTo(data[root]!["totalCount"]!.GetValue<int>()));
        var kinds = rows.Select(r => r.Kind).Distinct().ToList();
        Assert.That(kinds, Has.Count.GreaterThan(2), "the seed has several kinds");
        var one = kinds[0];
        var some = kinds.Take(2).ToArray();

        async Task<List<string>> Ids(string operation, object value)
        {
            // Enum values travel as their names in variables.
            var result = await _api.QueryAsync($"query($where: {filterInput}) {{ {root}(first: 100, where: $where) {{ nodes {{ id }} }} }}",
                new { where = Where("kind", operation, value) });
            return result[root]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        }

        Assert.That(await Ids("eq", one), Is.EquivalentTo(rows.Where(r => r.Kind == one).Select(r => r.Id)));
        Assert.That(await Ids("neq", one), Is.EquivalentTo(rows.Where(r => r.Kind != one).Select(r => r.Id)));
        Assert.That(await Ids("in", some), Is.EquivalentTo(rows.Where(r => some.Contains(r.Kind)).Select(r => r.Id)));
        Assert.That(await Ids("nin", some), Is.EquivalentTo(rows.Where(r => !some.Contains(r.Kind)).Select(r => r.Id)));

        // Enum literals in the query text work the same way.
        var literal = await _api.QueryAsync($"{{ {root}(where: {{ kind: {{ in: [{string.Join(", ", some)}] }} }}) {{ totalCount }} }}");
        Assert.That(literal[root]!["totalCount"]!.GetValue<int>(), Is.EqualTo(rows.Count(r => some.Contains(r.Kind))));
    }

    [Test]
    public async Task A_null_element_of_an_enum_list_matches_nothing()
    {
        var data = await _api.QueryAsync("""
            { all: regions { totalCount } city: regions(where: { kind: { eq: CITY } }) { totalCount }
              in: regions(where: { kind: { in: [null, CITY] } }) { totalCount }
              nin: regions(where: { kind: { nin: [null, CITY] } }) { totalCount } }
            """);
        var all = data["all"]!["totalCount"]!.GetValue<int>();
        var city = data["city"]!["totalCount"]!.GetValue<int>();
        Assert.That(city, Is.Positive);
        Assert.That(data["in"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(city));
        Assert.That(data["nin"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(all - city));
    }

    // ---- Relations -----------------------------------------------------------------------------------

    [Test]
    public async Task Filtering_through_a_to_one_relation_at_depth_two()
    {
        var data = await _api.QueryAsync("""
            { enterprises(first: 100, where: { region: { parent: { name: { eq: "南通市" } } } }) { totalCount nodes { id } } }
            """);
        var expected = _firms.Where(f => f.RegionParentName == "南通市").Select(f => f.Id).ToList();
        var sql = await SqlCountAsync("""
            SELECT count(*) FROM enterprises e JOIN regions r ON r.id = e.region_id JOIN regions p ON p.id = r.parent_id
            WHERE p.name = '南通市'
            """);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(data["enterprises"]!), Is.EquivalentTo(expected));
            Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(sql));
            Assert.That(expected, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Filtering_through_a_to_many_relation_with_some_none_all_any()
    {
        // The regions with their enterprises, read through the nested list, give the expected answers.
        var data = await _api.QueryAsync("""
            { regions(first: 100) { nodes { id enterprises(first: 100) { totalCount nodes { isSample employeeCount } } } } }
            """);
        var regions = data["regions"]!["nodes"]!.AsArray().Select(r =>
        {
            var firms = r!["enterprises"]!["nodes"]!.AsArray();
            Assert.That(firms, Has.Count.EqualTo(r["enterprises"]!["totalCount"]!.GetValue<int>()));
            return (Id: r["id"]!.GetValue<string>(),
                Firms: firms
                    .Select(f => (IsSample: f!["isSample"]!.GetValue<bool>(), Employees: f["employeeCount"]?.GetValue<int>()))
                    .ToList());
        }).ToList();
        var threshold = Median(regions.SelectMany(r => r.Firms).Where(f => f.Employees is not null).Select(f => f.Employees!.Value));

        var result = await _api.QueryAsync($$"""
            {
              some: regions(first: 100, where: { enterprises: { some: { isSample: { eq: true } } } }) { nodes { id } }
              none: regions(first: 100, where: { enterprises: { none: { employeeCount: { gt: {{threshold}} } } } }) { nodes { id } }
              all: regions(first: 100, where: { enterprises: { all: { employeeCount: { lte: {{threshold}} } } } }) { nodes { id } }
              any: regions(first: 100, where: { enterprises: { any: true } }) { nodes { id } }
              empty: regions(first: 100, where: { enterprises: { any: false } }) { nodes { id } }
            }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(result["some"]!), Is.EquivalentTo(regions.Where(r => r.Firms.Any(f => f.IsSample)).Select(r => r.Id)));
            Assert.That(Ids(result["none"]!),
                Is.EquivalentTo(regions.Where(r => !r.Firms.Any(f => f.Employees > threshold)).Select(r => r.Id)));
            Assert.That(Ids(result["all"]!),
                Is.EquivalentTo(regions.Where(r => r.Firms.All(f => f.Employees <= threshold)).Select(r => r.Id)));
            Assert.That(Ids(result["any"]!), Is.EquivalentTo(regions.Where(r => r.Firms.Count > 0).Select(r => r.Id)));
            Assert.That(Ids(result["empty"]!), Is.EquivalentTo(regions.Where(r => r.Firms.Count == 0).Select(r => r.Id)));
            Assert.That(Ids(result["some"]!), Is.Not.Empty);
            Assert.That(Ids(result["empty"]!), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Filters_on_nested_lists_apply_per_parent()
    {
        var data = await _api.QueryAsync("""
            {
              regions(first: 100) {
                nodes {
                  name
                  textile: enterprises(where: { industry: { code: { eq: "TEXTILE" } } }) { totalCount }
                  big: enterprises(where: { and: [{ isSample: { eq: true } }, { employeeCount: { gte: 2000 } }] }) { totalCount }
                }
              }
            }
            """);
        var regions = data["regions"]!["nodes"]!.AsArray();
        Assert.That(regions, Is.Not.Empty);
        foreach (var region in regions)
        {
            var name = region!["name"]!.GetValue<string>();
            Assert.That(region["textile"]!["totalCount"]!.GetValue<int>(),
                Is.EqualTo(_firms.Count(f => f.RegionName == name && f.IndustryCode == "TEXTILE")), name);
            Assert.That(region["big"]!["totalCount"]!.GetValue<int>(),
                Is.EqualTo(_firms.Count(f => f.RegionName == name && f.IsSample && f.EmployeeCount >= 2000)), name);
        }
        Assert.That(regions.Sum(r => r!["textile"]!["totalCount"]!.GetValue<int>()),
            Is.EqualTo(_firms.Count(f => f.IndustryCode == "TEXTILE" && f.RegionName is not null)));
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private static Dictionary<string, object?> Op(string operation, object? value) => new() { [operation] = value };

    private static Dictionary<string, object?> Where(string field, string operation, object? value) =>
        new() { [field] = Op(operation, value) };

    private async Task<List<string>> EnterpriseIdsAsync(Dictionary<string, object?> where)
    {
        var data = await _api.QueryAsync("""
            query($where: EnterpriseFilterInput) { enterprises(first: 100, where: $where) { totalCount nodes { id } } }
            """, new { where });
        var ids = Ids(data["enterprises"]!);
        Assert.That(ids, Has.Count.EqualTo(data["enterprises"]!["totalCount"]!.GetValue<int>()), "totalCount agrees with the rows");
        return ids;
    }

    private async Task<List<string>> IndicatorValueIdsAsync(Dictionary<string, object?> where)
    {
        var data = await _api.QueryAsync("""
            query($where: IndicatorValueFilterInput) { indicatorValues(first: 100, where: $where) { totalCount nodes { id } } }
            """, new { where });
        var ids = Ids(data["indicatorValues"]!);
        Assert.That(ids, Has.Count.EqualTo(data["indicatorValues"]!["totalCount"]!.GetValue<int>()), "totalCount agrees with the rows");
        return ids;
    }

    private static List<string> Ids(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

    private async Task<long> SqlCountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>What the operation means in C#, nulls included (null is not greater, so 'ngt' holds for it).</summary>
    private static bool Compare<T>(T? value, string operation, T threshold) where T : struct, IComparable<T>
    {
        int? c = value is { } v ? v.CompareTo(threshold) : null;
        return operation switch
        {
            "eq" => c == 0,
            "neq" => c != 0,
            "gt" => c > 0,
            "ngt" => !(c > 0),
            "gte" => c >= 0,
            "ngte" => !(c >= 0),
            "lt" => c < 0,
            "nlt" => !(c < 0),
            "lte" => c <= 0,
            "nlte" => !(c <= 0),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <summary>Pattern operations ignore case; a null text matches none of them and all their negations.</summary>
    private static bool StringOperation(string operation, string? value, string text)
    {
        const StringComparison ignoreCase = StringComparison.OrdinalIgnoreCase;
        return operation switch
        {
            "eq" => value == text,
            "neq" => value != text,
            "contains" => value is not null && value.Contains(text, ignoreCase),
            "ncontains" => !(value is not null && value.Contains(text, ignoreCase)),
            "startsWith" => value is not null && value.StartsWith(text, ignoreCase),
            "nstartsWith" => !(value is not null && value.StartsWith(text, ignoreCase)),
            "endsWith" => value is not null && value.EndsWith(text, ignoreCase),
            "nendsWith" => !(value is not null && value.EndsWith(text, ignoreCase)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }
}
