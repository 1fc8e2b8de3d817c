using System.Text;
using Npgsql;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// The data-quality report on the seed: no real record or link without a citation, the uncited links checked against the
/// link tables read directly, the registry's inferences and the qualified figures listed, samples counted apart, the same
/// report as CSV; and aggregates split by isSample.
/// </summary>
public sealed class DataQualityTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("dataquality");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private async Task<JsonNode> ReportAsync() => (await _api.QueryAsync("""
        {
          dataQuality {
            lists { entityType total samples real uncited }
            links { linkKind entityType toEntityType total samples real uncited }
            issues { kind entityType recordId label detail isSample linkKind toEntityType toRecordId toLabel }
          }
        }
        """))["dataQuality"]!;

    private static IEnumerable<JsonNode> Issues(JsonNode report, string kind) =>
        report["issues"]!.AsArray().Select(i => i!).Where(i => i["kind"]!.GetValue<string>() == kind);

    [Test]
    public async Task No_real_record_or_link_is_uncited()
    {
        var report = await ReportAsync();
        var lists = report["lists"]!.AsArray().Select(l => l!).ToList();
        var links = report["links"]!.AsArray().Select(l => l!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Issues(report, "UNCITED")
                    .Where(i => !i["isSample"]!.GetValue<bool>())
                    .Select(i => i["label"]!.GetValue<string>()),
                Is.Empty);
            Assert.That(Issues(report, "UNCITED_LINK").Where(i => !i["isSample"]!.GetValue<bool>()).Select(Describe), Is.Empty);
            Assert.That(lists.Sum(l => l["uncited"]!.GetValue<int>()), Is.Zero);
            Assert.That(links.Sum(l => l["uncited"]!.GetValue<int>()), Is.Zero);
            Assert.That(lists.Select(l => l["entityType"]!.GetValue<string>()), Does.Contain("Enterprise").And.Contain("IndicatorValue"));
            Assert.That(links.Sum(l => l["real"]!.GetValue<int>()), Is.GreaterThan(50), "the seed's real records are linked");
        });
    }

    /// <summary>
    /// The uncited links and the per-relation counts equal what the link tables say when read directly: an edge is cited
    /// when a citation of either end supports the field naming the relation at that end.
    /// </summary>
    [Test]
    public async Task Uncited_links_are_the_edges_no_citation_of_either_end_supports()
    {
        var report = await ReportAsync();
        var edges = await EdgesAsync();
        var answered = Issues(report, "UNCITED_LINK").Select(i => (
            Kind: i["linkKind"]!.GetValue<string>(),
            From: Decode(i["recordId"]!.GetValue<string>()),
            To: Decode(i["toRecordId"]!.GetValue<string>()),
            IsSample: i["isSample"]!.GetValue<bool>())).ToList();
        var counts = report["links"]!.AsArray().Where(l => l!["total"]!.GetValue<int>() > 0).Select(l => (
            Kind: l!["linkKind"]!.GetValue<string>(), From: l["entityType"]!.GetValue<string>(), To: l["toEntityType"]!.GetValue<string>(),
            Total: l["total"]!.GetValue<int>(), Samples: l["samples"]!.GetValue<int>(), Real: l["real"]!.GetValue<int>(),
            Uncited: l["uncited"]!.GetValue<int>()));
        var expectedCounts = edges.GroupBy(e => (e.Kind, From: e.From.Split(':')[0], To: e.To.Split(':')[0])).Select(g => (
            g.Key.Kind, g.Key.From, g.Key.To, Total: g.Count(), Samples: g.Count(e => e.IsSample), Real: g.Count(e => !e.IsSample),
            Uncited: g.Count(e => !e.IsSample && !e.IsCited)));
        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.EquivalentTo(edges.Where(e => !e.IsCited).Select(e => (e.Kind, e.From, e.To, e.IsSample))));
            Assert.That(answered, Has.Count.EqualTo(3 * 64), "each sample firm's region, industry and pilot enrolment");
            Assert.That(counts, Is.EquivalentTo(expectedCounts));
        });
    }

    [Test]
    public async Task An_uncited_link_names_both_ends_and_the_fields_a_citation_would_support()
    {
        var report = await ReportAsync();
        var located = Issues(report, "UNCITED_LINK").First(i => i["linkKind"]!.GetValue<string>() == "LOCATED_IN");
        var data = await _api.QueryAsync("""
            query($from: ID!, $to: ID!) {
              from: node(id: $from) { ... on Enterprise { name isSample region { id name } } }
              to: node(id: $to) { ... on Region { name } }
            }
            """, new { from = located["recordId"]!.GetValue<string>(), to = located["toRecordId"]!.GetValue<string>() });
        Assert.Multiple(() =>
        {
            Assert.That(located["entityType"]!.GetValue<string>(), Is.EqualTo("Enterprise"));
            Assert.That(located["toEntityType"]!.GetValue<string>(), Is.EqualTo("Region"));
            Assert.That(located["label"]!.GetValue<string>(), Is.EqualTo(data["from"]!["name"]!.GetValue<string>()));
            Assert.That(located["toLabel"]!.GetValue<string>(), Is.EqualTo(data["to"]!["name"]!.GetValue<string>()));
            Assert.That(data["from"]!["region"]!["id"]!.GetValue<string>(), Is.EqualTo(located["toRecordId"]!.GetValue<string>()));
            Assert.That(located["isSample"]!.GetValue<bool>(), Is.EqualTo(data["from"]!["isSample"]!.GetValue<bool>()).And.True);
            Assert.That(located["detail"]!.GetValue<string>(), Is.EqualTo("No citation supports Enterprise.region or Region.enterprises."));
            Assert.That(Issues(report, "UNCITED").Select(i => i["linkKind"]), Has.All.Null);
        });
    }

    [Test]
    public async Task Samples_are_counted_apart_from_real_records()
    {
        var report = await ReportAsync();
        var enterprises = report["lists"]!.AsArray().Single(l => l!["entityType"]!.GetValue<string>() == "Enterprise")!;
        var uncitedSamples = Issues(report, "UNCITED").Count(i => i["isSample"]!.GetValue<bool>());
        Assert.Multiple(() =>
        {
            Assert.That(enterprises["samples"]!.GetValue<int>(), Is.EqualTo(64));
            Assert.That(enterprises["real"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(enterprises["total"]!.GetValue<int>(), Is.EqualTo(68));
            Assert.That(uncitedSamples, Is.EqualTo(64));
        });
    }

    [Test]
    public async Task Inferences_and_qualified_figures_are_listed()
    {
        var report = await ReportAsync();
        var inferences = Issues(report, "INFERENCE").Select(i => i["label"]!.GetValue<string>()).ToList();
        var qualified = Issues(report, "QUALIFIED_VALUE").Select(i => i["label"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(inferences, Is.EquivalentTo(new[]
            {
                "ntftu-2021-since-2016", "ntftu-2021-pilot-level-inference", "ntftu-2021-documents-pilot-inference",
                "ntftu-2021-city-federation-region", "ntftu-2021-sanitation-station-region",
            }));
            Assert.That(qualified.Select(l => l.Split(' ')[0]), Is.EquivalentTo(new[]
            {
                "UNION_MEMBERS", "PILLAR_INDUSTRY_WORKERS", "SANITATION_TRUCK_DRIVERS", "SANITATION_STATION_WORKERS_SERVED",
            }));
            Assert.That(Issues(report, "VALUE_WITHOUT_PERIOD").Select(i => i["label"]!.GetValue<string>()),
                Has.Some.StartsWith("UNION_MEMBERS"));
        });
    }

    [Test]
    public async Task A_finding_points_at_its_record()
    {
        var report = await ReportAsync();
        var inference = Issues(report, "INFERENCE").First(i => i["label"]!.GetValue<string>() == "ntftu-2021-since-2016");
        var data = await _api.QueryAsync("""
            query($id: ID!) { node(id: $id) { ... on Citation { code isInference note supports } } }
            """, new { id = inference["recordId"]!.GetValue<string>() });
        Assert.Multiple(() =>
        {
            Assert.That(data["node"]!["code"]!.GetValue<string>(), Is.EqualTo("ntftu-2021-since-2016"));
            Assert.That(data["node"]!["isInference"]!.GetValue<bool>(), Is.True);
            Assert.That(data["node"]!["supports"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "periodStart" }));
        });
    }

    [Test]
    public async Task The_report_is_also_a_csv_export()
    {
        using var response = await _api.Client.GetAsync("/export/data-quality.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(lines[0].TrimEnd('\r'),
                Is.EqualTo("kind,entityType,recordId,label,detail,isSample,linkKind,toEntityType,toRecordId,toLabel"));
            Assert.That(lines, Has.Some.StartsWith("INFERENCE,Citation,"));
            Assert.That(lines, Has.Some.StartsWith("UNCITED_LINK,Enterprise,").And.Some.Contains(",true,LOCATED_IN,Region,"));
            Assert.That(lines, Has.Some.StartsWith("LINK_COUNTS,Enterprise,").And.Some.Contains(",ENROLLED_IN,PilotProgram,"));
            Assert.That(lines, Has.Some.StartsWith("QUALIFIED_VALUE,IndicatorValue,"));
            Assert.That(lines, Has.Some.StartsWith("LIST_COUNTS,Enterprise,"));
        });
    }

    [Test]
    public async Task Aggregates_split_real_and_sample_records()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate { groups(by: [IS_SAMPLE]) { key { isSample } count } } }
            """);
        var groups = data["enterprisesAggregate"]!["groups"]!.AsArray()
            .ToDictionary(g => g!["key"]!["isSample"]!.GetValue<bool>(), g => g!["count"]!.GetValue<int>());
        Assert.That(groups, Is.EqualTo(new Dictionary<bool, int> { [false] = 4, [true] = 64 }));
    }

    [Test]
    public async Task Search_finds_the_intellectual_property_bank_by_both_english_names()
    {
        foreach (var text in new[] { "intellectual property bank", "knowledge-property bank" })
        {
            var data = await _api.QueryAsync("""
                query($text: String!) {
                  search(text: $text, types: [INNOVATION_STUDIO], first: 3) { nodes { node { ... on InnovationStudio { name } } } }
                }
                """, new { text });
            Assert.That(data["search"]!["nodes"]!.AsArray().Select(n => n!["node"]!["name"]!.GetValue<string>()),
                Has.Some.EqualTo("中天科技知识产权银行"), text);
        }
    }

    private static string Describe(JsonNode issue) =>
        $"{issue["linkKind"]} {issue["label"]} -> {issue["toLabel"]}: {issue["detail"]}";

    private static string Decode(string globalId) => Encoding.UTF8.GetString(Convert.FromBase64String(globalId));

    /// <summary>
    /// Every relation between records, read from the foreign keys and join tables, with whether an end is a sample and
    /// whether a citation linked to either end names the relation's field at that end in its supports.
    /// </summary>
    private async Task<List<(string Kind, string From, string To, bool IsSample, bool IsCited)>> EdgesAsync()
    {
        const string sql = """
            WITH edges(kind, from_type, from_id, from_field, to_type, to_id, to_field) AS (
                SELECT 'LOCATED_IN', 'Enterprise', id, 'region', 'Region', region_id, 'enterprises' FROM enterprises
                UNION ALL SELECT 'PART_OF', 'Region', id, 'parent', 'Region', parent_id, 'children' FROM regions
                UNION ALL SELECT 'PART_OF', 'Industry', id, 'parent', 'Industry', parent_id, 'children' FROM industries
                UNION ALL SELECT 'IN_INDUSTRY', 'Enterprise', id, 'industry', 'Industry', industry_id, 'enterprises' FROM enterprises
                UNION ALL SELECT 'IN_INDUSTRY', 'PilotProgram', id, 'industry', 'Industry', industry_id, 'programs' FROM pilot_programs
                UNION ALL SELECT 'IN_INDUSTRY', 'PolicyDocument', id, 'industry', 'Industry', industry_id, 'documents' FROM policy_documents
                UNION ALL SELECT 'IN_INDUSTRY', 'ReformMeasure', id, 'industry', 'Industry', industry_id, 'measures' FROM reform_measures
                UNION ALL SELECT 'IN_INDUSTRY', 'SkillStandard', id, 'industry', 'Industry', industry_id, 'standards' FROM skill_standards
                UNION ALL SELECT 'IN_INDUSTRY', 'Occupation', id, 'industry', 'Industry', industry_id, 'occupations' FROM occupations
                UNION ALL SELECT 'IN_INDUSTRY', 'InnovationStudio', id, 'industry', 'Industry', industry_id, 'studios'
                    FROM innovation_studios
                UNION ALL SELECT 'IN_INDUSTRY', 'TrainingProgram', id, 'industry', 'Industry', industry_id, 'trainingPrograms'
                    FROM training_programs
                UNION ALL SELECT 'HOSTS', 'Enterprise', host_enterprise_id, 'studios', 'InnovationStudio', id, 'hostEnterprise'
                    FROM innovation_studios
                UNION ALL SELECT 'INSPIRED', 'InnovationStudio', inspired_by_id, 'inspired', 'InnovationStudio', id, 'inspiredBy'
                    FROM innovation_studios
                UNION ALL SELECT 'ISSUED', 'Enterprise', issuer_enterprise_id, 'standardsIssued', 'SkillStandard', id, 'issuerEnterprise'
                    FROM skill_standards
                UNION ALL SELECT 'ISSUED', 'Region', issuer_region_id, 'standardsIssued', 'SkillStandard', id, 'issuerRegion'
                    FROM skill_standards
                UNION ALL SELECT 'PRODUCED', 'InnovationStudio', produced_by_studio_id, 'outputs', 'SkillStandard', id, 'producedByStudio'
                    FROM skill_standards
                UNION ALL SELECT 'COVERS', 'SkillStandard', standards_id, 'occupations', 'Occupation', occupations_id, 'standards'
                    FROM occupation_skill_standard
                UNION ALL SELECT 'ENROLLED_IN', 'Enterprise', enterprise_id, 'pilot', 'PilotProgram', program_id, 'enrollments'
                    FROM pilot_enrollments
                UNION ALL SELECT 'ADOPTED', 'Enterprise', p.enterprise_id, 'pilot', 'ReformMeasure', m.measures_id, 'enrollments'
                    FROM pilot_enrollment_reform_measure AS m JOIN pilot_enrollments AS p ON p.id = m.enrollments_id
                UNION ALL SELECT 'SETS_OUT', 'PolicyDocument', document_id, 'measures', 'ReformMeasure', id, 'document' FROM reform_measures
                UNION ALL SELECT 'GOVERNS', 'PolicyDocument', documents_id, 'programs', 'PilotProgram', programs_id, 'documents'
                    FROM pilot_program_policy_document
                UNION ALL SELECT 'HAS_PROGRAM', 'Enterprise', enterprise_id, 'trainingPrograms', 'TrainingProgram', id, 'enterprise'
                    FROM training_programs
                UNION ALL SELECT 'HAS_CASE', 'Enterprise', enterprise_id, 'cases', 'PracticeCase', id, 'enterprise' FROM practice_cases
                UNION ALL SELECT 'HAS_VALUE', 'Indicator', indicator_id, 'values', 'IndicatorValue', id, 'indicator' FROM indicator_values
                UNION ALL SELECT 'REPORTS_ON', 'IndicatorValue', id, 'region', 'Region', region_id, 'indicatorValues'
                    FROM indicator_values),
            cited(type, id, citation_id) AS (
                SELECT 'Region', regions_id, sources_id FROM citation_region
                UNION ALL SELECT 'Industry', industries_id, sources_id FROM citation_industry
                UNION ALL SELECT 'Enterprise', enterprises_id, sources_id FROM citation_enterprise
                UNION ALL SELECT 'PilotProgram', pilot_programs_id, sources_id FROM citation_pilot_program
                UNION ALL SELECT 'PolicyDocument', policy_documents_id, sources_id FROM citation_policy_document
                UNION ALL SELECT 'ReformMeasure', reform_measures_id, sources_id FROM citation_reform_measure
                UNION ALL SELECT 'SkillStandard', skill_standards_id, sources_id FROM citation_skill_standard
                UNION ALL SELECT 'Occupation', occupations_id, sources_id FROM citation_occupation
                UNION ALL SELECT 'InnovationStudio', innovation_studios_id, sources_id FROM citation_innovation_studio
                UNION ALL SELECT 'TrainingProgram', training_programs_id, sources_id FROM citation_training_program
                UNION ALL SELECT 'PracticeCase', practice_cases_id, sources_id FROM citation_practice_case
                UNION ALL SELECT 'IndicatorValue', indicator_values_id, sources_id FROM citation_indicator_value)
            SELECT e.kind, e.from_type || ':' || e.from_id, e.to_type || ':' || e.to_id,
                   EXISTS (SELECT 1 FROM enterprises AS s
                           WHERE s.is_sample AND ('Enterprise', s.id) IN ((e.from_type, e.from_id), (e.to_type, e.to_id))),
                   EXISTS (SELECT 1 FROM cited AS c JOIN citations AS q ON q.id = c.citation_id
                           WHERE (c.type = e.from_type AND c.id = e.from_id AND e.from_field = ANY(q.supports))
                              OR (c.type = e.to_type AND c.id = e.to_id AND e.to_field = ANY(q.supports)))
            FROM edges AS e WHERE e.from_id IS NOT NULL AND e.to_id IS NOT NULL
            """;
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var edges = new List<(string, string, string, bool, bool)>();
        while (await reader.ReadAsync())
            edges.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        return edges;
    }
}
