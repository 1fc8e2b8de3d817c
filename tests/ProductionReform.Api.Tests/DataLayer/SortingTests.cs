using System.Text;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// <c>order</c> over real HTTP, compared with the order computed in C# from an unsorted fetch of the same rows:
/// text in the database's byte order (collation C, i.e. ordinal), NULL last ascending and first descending
/// (PostgreSQL's rule), booleans false before true, enums in declaration order, the key breaking ties.
/// </summary>
public sealed class SortingTests
{
    private RegistryApi _api = null!;
    private List<JsonObject> _firms = null!;
    private List<string> _qualificationOrder = null!;

    private const string FirmFields = "id name nameEn employeeCount isSample constructionQualification region { name } industry { name }";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("sorting");
        _firms = await FetchAsync("enterprises", FirmFields, order: null);
        _qualificationOrder = await EnumOrderAsync("ConstructionQualification");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task Ascending_and_descending_on_a_string()
    {
        var ascending = await FetchAsync("enterprises", "id", "[{ name: ASC }]");
        var descending = await FetchAsync("enterprises", "id", "[{ name: DESC }]");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(ascending), Is.EqualTo(Ids(Sorted(_firms, (Text("name"), false)))));
            Assert.That(Ids(descending), Is.EqualTo(Ids(Sorted(_firms, (Text("name"), true)))));
            Assert.That(Ids(descending), Is.EqualTo(Ids(ascending).AsEnumerable().Reverse()), "names are unique");
        });
    }

    [Test]
    public async Task Several_keys_apply_in_order()
    {
        var actual = await FetchAsync("enterprises", "id", "[{ isSample: DESC }, { employeeCount: ASC }, { nameEn: DESC }]");
        var expected = Sorted(_firms, (Bool("isSample"), true), (Int("employeeCount"), false), (Text("nameEn"), true));
        Assert.That(Ids(actual), Is.EqualTo(Ids(expected)));
    }

    [Test]
    public async Task Keys_tie_and_the_id_breaks_ties()
    {
        // isSample alone ties 64 rows; the primary key orders them.
        var actual = await FetchAsync("enterprises", "id", "[{ isSample: ASC }]");
        Assert.That(Ids(actual), Is.EqualTo(Ids(Sorted(_firms, (Bool("isSample"), false)))));
    }

    [Test]
    public async Task Through_a_to_one_relation()
    {
        var byRegion = await FetchAsync("enterprises", "id", "[{ region: { name: ASC } }, { name: DESC }]");
        var byIndustry = await FetchAsync("enterprises", "id", "[{ industry: { name: DESC } }, { employeeCount: DESC }]");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(byRegion), Is.EqualTo(Ids(Sorted(_firms, (Nested("region", "name"), false), (Text("name"), true)))));
            Assert.That(Ids(byIndustry), Is.EqualTo(Ids(Sorted(_firms, (Nested("industry", "name"), true), (Int("employeeCount"), true)))));
        });
    }

    [Test]
    public async Task Through_a_to_one_relation_at_depth_two()
    {
        var firms = await FetchAsync("enterprises", "id name region { parent { name } }", null);
        var actual = await FetchAsync("enterprises", "id", "[{ region: { parent: { name: DESC } } }, { name: ASC }]");
        var parentName = (JsonObject f) => (IComparable?)f["region"]?["parent"]?["name"]?.GetValue<string>();
        Assert.That(Ids(actual), Is.EqualTo(Ids(Sorted(firms, (Ordinal(parentName), true), (Text("name"), false)))));
    }

    [TestCase("ASC")]
    [TestCase("DESC")]
    public async Task Enums_sort_in_declaration_order(string direction)
    {
        var regions = await FetchAsync("regions", "id kind", null);
        var declared = await EnumOrderAsync("RegionKind");
        var actual = await FetchAsync("regions", "id kind", $"[{{ kind: {direction} }}]");
        var expected = Sorted(regions, (f => declared.IndexOf(f["kind"]!.GetValue<string>()), direction == "DESC"));
        Assert.That(Ids(actual), Is.EqualTo(Ids(expected)));
        // Declaration order is not the alphabetical order of the names, so the test tells them apart.
        var kinds = actual.Select(r => r["kind"]!.GetValue<string>()).Distinct().ToList();
        Assert.That(kinds, Is.Not.EqualTo(kinds.Order(StringComparer.Ordinal).ToList())
            .And.Not.EqualTo(kinds.OrderDescending(StringComparer.Ordinal).ToList()));
    }

    [Test]
    public async Task A_nullable_enum_sorts_nulls_last_ascending()
    {
        var actual = await FetchAsync("enterprises", "id", "[{ constructionQualification: ASC }, { name: ASC }]");
        var expected = Sorted(_firms,
            (f => f["constructionQualification"] is { } q ? _qualificationOrder.IndexOf(q.GetValue<string>()) : null, false),
            (Text("name"), false));
        Assert.That(Ids(actual), Is.EqualTo(Ids(expected)));
    }

    [Test]
    public async Task Nested_lists_sort_too()
    {
        var data = await _api.QueryAsync("""
            {
              regions(first: 100) {
                nodes { name enterprises(first: 100, order: [{ employeeCount: DESC }, { name: ASC }]) { nodes { id } } }
              }
            }
            """);
        foreach (var region in data["regions"]!["nodes"]!.AsArray())
        {
            var name = region!["name"]!.GetValue<string>();
            var own = _firms.Where(f => f["region"]?["name"]?.GetValue<string>() == name).ToList();
            var expected = Sorted(own, (Int("employeeCount"), true), (Text("name"), false));
            Assert.That(region["enterprises"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()),
                Is.EqualTo(Ids(expected)), name);
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<List<JsonObject>> FetchAsync(string root, string fields, string? order)
    {
        var orderArgument = order is null ? "" : ", order: " + order;
        var data = await _api.QueryAsync($"{{ {root}(first: 100{orderArgument}) {{ totalCount nodes {{ {fields} }} }} }}");
        var nodes = data[root]!["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.That(nodes, Has.Count.EqualTo(data[root]!["totalCount"]!.GetValue<int>()), "one page holds every row");
        return nodes;
    }

    private async Task<List<string>> EnumOrderAsync(string enumName)
    {
        var data = await _api.QueryAsync($$"""{ __type(name: "{{enumName}}") { enumValues { name } } }""");
        return data["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
    }

    private static List<string> Ids(IEnumerable<JsonObject> rows) => rows.Select(r => r["id"]!.GetValue<string>()).ToList();

    private static Func<JsonObject, IComparable?> Text(string field) => Ordinal(f => f[field]?.GetValue<string>());

    private static Func<JsonObject, IComparable?> Nested(string relation, string field) =>
        Ordinal(f => f[relation]?[field]?.GetValue<string>());

    private static Func<JsonObject, IComparable?> Int(string field) => f => f[field]?.GetValue<int>();

    private static Func<JsonObject, IComparable?> Bool(string field) => f => f[field]!.GetValue<bool>();

    /// <summary>The database compares text byte by byte (collation C); UTF-16 ordinal order agrees for these names.</summary>
    private static Func<JsonObject, IComparable?> Ordinal(Func<JsonObject, IComparable?> text) =>
        f => text(f) is string s ? new OrdinalText(s) : null;

    private sealed record OrdinalText(string Value) : IComparable
    {
        public int CompareTo(object? other) => string.CompareOrdinal(Value, ((OrdinalText)other!).Value);
    }

    /// <summary>Sorts like PostgreSQL: NULL is greater than every value, then the key (from the global id) breaks ties.</summary>
    private static List<JsonObject> Sorted(
        IEnumerable<JsonObject> rows, params (Func<JsonObject, IComparable?> Key, bool Descending)[] keys)
    {
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var (key, descending) in keys)
            {
                var (x, y) = (key(a), key(b));
                var c = x is null ? (y is null ? 0 : 1) : y is null ? -1 : x.CompareTo(y);
                if (c != 0) return descending ? -c : c;
            }
            return PrimaryKey(a).CompareTo(PrimaryKey(b));
        });
        return list;
    }

    private static int PrimaryKey(JsonObject row)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(row["id"]!.GetValue<string>()));
        return int.Parse(text[(text.IndexOf(':') + 1)..]);
    }
}
