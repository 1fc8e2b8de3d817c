using ProductionReform.Api.Tests.Mutations;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>
/// Writers racing each other through the mutation engine's check-then-write rules get exactly the outcome the rules allow:
/// the database serialises them, not the process.
/// </summary>
public sealed class RacingWriterTests : MutationTestBase
{
    private const int Racers = 8;

    protected override string Purpose => "racing";

    [Test]
    public async Task Racing_enrolments_for_the_last_place_of_a_pilot_enrol_exactly_one()
    {
        var program = (await SucceedAsync(Editor, "createPilotProgram",
            new { code = "RACE_PILOT", name = "竞争入选试点", level = "CITY", targetCount = 2 },
            "pilotProgram { id }"))["pilotProgram"]!["id"]!.GetValue<string>();
        var firms = new List<string>();
        for (var i = 0; i <= Racers; i++)
        {
            var firm = await SucceedAsync(Editor, "createEnterprise", new { name = $"竞争企业{i}" }, "enterprise { id }");
            firms.Add(firm["enterprise"]!["id"]!.GetValue<string>());
        }
        await SucceedAsync(Editor, "createPilotEnrollment", new { programId = program, enterpriseId = firms[0] }, "pilotEnrollment { id }");

        var payloads = await Task.WhenAll(firms.Skip(1).Select(firm =>
            MutateAsync(Editor, "createPilotEnrollment", new { programId = program, enterpriseId = firm }, "pilotEnrollment { id }")));

        var enrolled = await Api.QueryAsync($$"""{ node(id: "{{program}}") { ... on PilotProgram { enrollments { totalCount } } } }""");
        Assert.Multiple(() =>
        {
            Assert.That(payloads.Count(p => p["errors"] is null), Is.EqualTo(1), string.Join("\n", payloads.Select(p => p.ToJsonString())));
            Assert.That(payloads.Where(p => p["errors"] is not null).SelectMany(Errors).Select(e => e.Code),
                Is.All.EqualTo("TARGET_EXCEEDED"));
            Assert.That(enrolled["node"]!["enrollments"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Racing_creates_of_the_same_natural_key_create_exactly_one()
    {
        var payloads = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ =>
            MutateAsync(Editor, "createIndustry", new { code = "RACE_IND", name = "竞争行业", kind = "OTHER" }, "industry { id }")));

        Assert.Multiple(async () =>
        {
            Assert.That(payloads.Count(p => p["errors"] is null), Is.EqualTo(1), string.Join("\n", payloads.Select(p => p.ToJsonString())));
            Assert.That(payloads.Where(p => p["errors"] is not null).SelectMany(Errors).Select(e => e.Code), Is.All.EqualTo("NOT_UNIQUE"));
            Assert.That(await CountAsync("industries", """{ code: { eq: "RACE_IND" } }"""), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_delete_racing_a_new_referrer_lets_exactly_one_of_them_through()
    {
        for (var round = 0; round < 4; round++)
        {
            var created = (await SucceedAsync(Editor, "createEnterprise", new { name = $"被引用企业{round}" },
                "enterprise { id version }"))["enterprise"]!;
            var firm = created["id"]!.GetValue<string>();
            var delete = MutateAsync(Editor, "deleteEnterprise", new { id = firm, version = created["version"]!.GetValue<long>() }, "");
            var refer = MutateAsync(Editor, "createInnovationStudio",
                new { name = $"竞争工作室{round}", kind = "WORKER_STUDIO", hostEnterpriseId = firm }, "innovationStudio { id }");
            var (deleted, referred) = (await delete, await refer);

            var deleteWon = deleted["errors"] is null;
            var referWon = referred["errors"] is null;
            var firmLeft = await CountAsync("enterprises", $$"""{ name: { eq: "被引用企业{{round}}" } }""");
            var studioLeft = await CountAsync("innovationStudios", $$"""{ name: { eq: "竞争工作室{{round}}" } }""");
            Assert.Multiple(() =>
            {
                Assert.That(deleteWon ^ referWon, Is.True, $"round {round}: {deleted.ToJsonString()} / {referred.ToJsonString()}");
                Assert.That(Errors(deleteWon ? referred : deleted).Select(e => e.Code).Single(),
                    Is.EqualTo(deleteWon ? "INVALID_REFERENCE" : "REFERENCED"));
                Assert.That((firmLeft, studioLeft), Is.EqualTo(deleteWon ? (0, 0) : (1, 1)));
            });
        }
    }
}
