namespace ProductionReform.Api.Tests.Mutations;

/// <summary>
/// Done when: with an EDITOR key an agency enrols a firm in a pilot and corrects its data, and an ADMIN sees both
/// changes in <c>auditEvents</c> and in <c>enterprise.history</c>, before and after, with the key's name as actor.
/// </summary>
public sealed class StoryTests : MutationTestBase
{
    protected override string Purpose => "mutation_story";

    [Test]
    public async Task An_agency_enrols_a_firm_corrects_it_and_an_admin_sees_the_trail()
    {
        var textile = (await FindAsync("industries", """{ code: { eq: "TEXTILE" } }""")).Id;
        var haimen = (await FindAsync("regions", """{ name: { eq: "海门区" } }""")).Id;
        var pilot = (await FindAsync("pilotPrograms", """{ code: { eq: "TEXTILE_PILOT" } }""")).Id;
        var code = CreditCodeFor("91320684MA1NT0X0K");

        // 1. The firm, with a valid credit code.
        var created = await SucceedAsync(Editor, "createEnterprise", new
        {
            creditCode = code, name = "南通示范色织有限公司", nameEn = "Nantong Demo Yarn-Dyed Co",
            industryId = textile, regionId = haimen, employeeCount = 320,
        }, "enterprise { id version creditCode isSample }");
        var firm = created["enterprise"]!;
        var firmId = firm["id"]!.GetValue<string>();

        // 2. The pilot is full of sample slots: the agency frees one and enrols the real firm within the target.
        var slot = (await Api.QueryAsync("""
            {
              pilotEnrollments(where: { program: { code: { eq: "TEXTILE_PILOT" } }, isSample: { eq: true } }, first: 1) {
                nodes { id version }
              }
            }
            """))["pilotEnrollments"]!["nodes"]![0]!;
        await SucceedAsync(Editor, "deletePilotEnrollment",
            new { id = slot["id"]!.GetValue<string>(), version = slot["version"]!.GetValue<long>() }, "deletedId");
        var enrolled = await SucceedAsync(Editor, "createPilotEnrollment",
            new { programId = pilot, enterpriseId = firmId, enrolledOn = "2022-03-01" },
            "pilotEnrollment { id status isSample program { code } enterprise { name pilot { enrolledOn } } }");

        // 3. A correction: the headcount was wrong.
        var corrected = await SucceedAsync(Editor, "updateEnterprise",
            new { id = firmId, version = firm["version"]!.GetValue<long>(), employeeCount = 350 }, "enterprise { employeeCount version }");

        Assert.Multiple(() =>
        {
            Assert.That(firm["creditCode"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(firm["isSample"]!.GetValue<bool>(), Is.False);
            Assert.That(enrolled["warnings"], Is.Null, "within the target");
            Assert.That(enrolled["pilotEnrollment"]!["isSample"]!.GetValue<bool>(), Is.False);
            Assert.That(enrolled["pilotEnrollment"]!["program"]!["code"]!.GetValue<string>(), Is.EqualTo("TEXTILE_PILOT"));
            Assert.That(enrolled["pilotEnrollment"]!["enterprise"]!["pilot"]!["enrolledOn"]!.GetValue<string>(), Is.EqualTo("2022-03-01"));
            Assert.That(corrected["enterprise"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(350));
        });

        // 4. The admin reads the trail.
        var trail = await Api.QueryAsAsync(Admin, """
            {
              auditEvents(where: { actor: { eq: "Nantong FTU" } }, order: [{ occurredAt: ASC }]) {
                nodes { actor operation entityType changes { field before after } }
              }
              enterprises(where: { name: { eq: "南通示范色织有限公司" } }) {
                nodes { history { actor operation occurredAt changes { field before after } } }
              }
            }
            """);
        var events = trail["auditEvents"]!["nodes"]!.AsArray();
        var history = trail["enterprises"]!["nodes"]![0]!["history"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => $"{e!["operation"]} {e["entityType"]}"), Is.EqualTo(new[]
            {
                "CREATE Enterprise", "DELETE PilotEnrollment", "CREATE PilotEnrollment", "UPDATE Enterprise",
            }));
            Assert.That(events.Select(e => e!["actor"]!.GetValue<string>()), Has.All.EqualTo("Nantong FTU"));
            var enrolment = events[2]!["changes"]!.AsArray();
            Assert.That(enrolment.Single(c => c!["field"]!.GetValue<string>() == "enrolledOn")!["after"]!.GetValue<string>(),
                Is.EqualTo("2022-03-01"));
            Assert.That(enrolment.Single(c => c!["field"]!.GetValue<string>() == "status")!["after"]!.GetValue<string>(),
                Is.EqualTo("ACTIVE"));

            Assert.That(history.Select(e => e!["operation"]!.GetValue<string>()), Is.EqualTo(new[] { "UPDATE", "CREATE" }), "newest first");
            var update = history[0]!["changes"]!.AsArray();
            Assert.That(update.Select(c =>
                    (c!["field"]!.GetValue<string>(), c["before"]!.GetValue<string>(), c["after"]!.GetValue<string>())),
                Is.EqualTo(new[] { ("employeeCount", "320", "350") }));
            var create = history[1]!["changes"]!.AsArray();
            Assert.That(create.Single(c => c!["field"]!.GetValue<string>() == "creditCode")!["after"]!.GetValue<string>(),
                Is.EqualTo(code));
            Assert.That(create.Single(c => c!["field"]!.GetValue<string>() == "creditCode")!["before"], Is.Null);
            Assert.That(history.Select(e => e!["actor"]!.GetValue<string>()), Has.All.EqualTo("Nantong FTU"));
        });
    }

    [Test]
    public async Task History_is_read_for_all_parents_in_one_statement()
    {
        var body = await Api.PostAsAsync(Admin, """
            { enterprises(first: 30) { nodes { name history(first: 5) { operation } studios { nodes { history { actor } } } } } }
            """);
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        // enterprises, their history, their studios, the studios' history.
        Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.EqualTo(4));
    }
}
