namespace ProductionReform.Api.Tests.Mutations;

/// <summary>Every rule refuses with errors as data, collected together, and nothing is saved.</summary>
public sealed class ValidationTests : MutationTestBase
{
    protected override string Purpose => "mutation_rules";

    private const string EnterpriseFields = "enterprise { id version name creditCode isSample industry { code } region { name } }";

    private async Task<string> IdOfAsync(string list, string where) => (await FindAsync(list, where)).Id;

    [Test]
    public async Task A_blank_required_field_is_refused()
    {
        var payload = await MutateAsync(Editor, "createEnterprise", new { name = "   " }, EnterpriseFields);
        Assert.Multiple(() =>
        {
            Assert.That(Errors(payload), Is.EqualTo(new[] { ((string?)"name", "REQUIRED") }));
            Assert.That(payload["enterprise"], Is.Null);
        });
    }

    [Test]
    public async Task A_required_field_given_in_the_document_as_null_is_refused_by_GraphQL()
    {
        var error = await Api.PostAsAsync(Editor, "mutation { createEnterprise(input: { name: null }) { errors { code } } }");
        Assert.That(error["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(error["data"], Is.Null);
    }

    [Test]
    public async Task A_credit_code_must_have_its_check_character_and_is_stored_upper_case()
    {
        var valid = CreditCodeFor("91320600MA1MXK0Q0");
        var wrongCheck = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var refused = await MutateAsync(Editor, "createEnterprise",
            new { name = "校验位错误企业", creditCode = wrongCheck }, EnterpriseFields);
        var tooShort = await MutateAsync(Editor, "createEnterprise",
            new { name = "长度错误企业", creditCode = "91320600" }, EnterpriseFields);
        var letterO = await MutateAsync(Editor, "createEnterprise",
            new { name = "字母错误企业", creditCode = "91320600MA1MXKOQ01" }, EnterpriseFields);
        var saved = await SucceedAsync(Editor, "createEnterprise",
            new { name = "小写信用代码企业", creditCode = valid.ToLowerInvariant() }, EnterpriseFields);

        Assert.Multiple(() =>
        {
            Assert.That(Errors(refused), Is.EqualTo(new[] { ((string?)"creditCode", "INVALID_FORMAT") }));
            Assert.That(Message(refused), Does.Contain($"should be '{valid[17]}'"));
            Assert.That(Errors(tooShort), Is.EqualTo(new[] { ((string?)"creditCode", "INVALID_FORMAT") }));
            Assert.That(Errors(letterO), Is.EqualTo(new[] { ((string?)"creditCode", "INVALID_FORMAT") }));
            Assert.That(saved["enterprise"]!["creditCode"]!.GetValue<string>(), Is.EqualTo(valid));
            Assert.That(saved["enterprise"]!["isSample"]!.GetValue<bool>(), Is.False,
                "created firms are not samples unless the input says so");
        });
    }

    [Test]
    public async Task A_second_firm_with_the_same_credit_code_or_name_is_refused_naming_both_fields()
    {
        var code = CreditCodeFor("91320600MA1MXK0R0");
        await SucceedAsync(Editor, "createEnterprise", new { name = "唯一性测试企业", creditCode = code }, EnterpriseFields);
        var before = await CountAsync("enterprises");

        var twin = await MutateAsync(Editor, "createEnterprise",
            new { name = "唯一性测试企业", creditCode = code }, EnterpriseFields);
        var sameName = await MutateAsync(Editor, "createEnterprise", new { name = "唯一性测试企业" }, EnterpriseFields);
        Assert.Multiple(async () =>
        {
            Assert.That(Errors(twin), Is.EquivalentTo(new[] { ((string?)"creditCode", "NOT_UNIQUE"), ("name", "NOT_UNIQUE") }));
            Assert.That(Errors(sameName), Is.EqualTo(new[] { ((string?)"name", "NOT_UNIQUE") }));
            Assert.That(await CountAsync("enterprises"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Concurrent_creates_of_the_same_firm_save_one_and_refuse_the_other()
    {
        var code = CreditCodeFor("91320600MA1MXK0T0");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            MutateAsync(Editor, "createEnterprise", new { name = "并发测试企业", creditCode = code }, EnterpriseFields)));
        Assert.Multiple(async () =>
        {
            Assert.That(attempts.Count(p => p["errors"] is null), Is.EqualTo(1));
            Assert.That(attempts.Where(p => p["errors"] is not null).SelectMany(Errors).Select(e => e.Code), Has.All.EqualTo("NOT_UNIQUE"));
            Assert.That(await CountAsync("enterprises", """{ name: { eq: "并发测试企业" } }"""), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Referenced_ids_must_exist_and_have_the_right_type()
    {
        var textile = await IdOfAsync("industries", """{ code: { eq: "TEXTILE" } }""");
        var nantong = await IdOfAsync("regions", """{ name: { eq: "南通市" } }""");
        var missingRegion = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Region:999999"));

        var wrongType = await MutateAsync(Editor, "createEnterprise",
            new { name = "引用错误企业", industryId = nantong, regionId = textile }, EnterpriseFields);
        var missing = await MutateAsync(Editor, "createEnterprise",
            new { name = "引用缺失企业", regionId = missingRegion, industryId = "not-an-id" }, EnterpriseFields);
        var saved = await SucceedAsync(Editor, "createEnterprise",
            new { name = "引用正确企业", industryId = textile, regionId = nantong }, EnterpriseFields);

        Assert.Multiple(() =>
        {
            Assert.That(Errors(wrongType),
                Is.EquivalentTo(new[] { ((string?)"industryId", "INVALID_REFERENCE"), ("regionId", "INVALID_REFERENCE") }));
            Assert.That(wrongType["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()),
                Has.Some.Contains("is the id of a region; 'industryId' takes the id of an industry"));
            Assert.That(Errors(missing),
                Is.EquivalentTo(new[] { ((string?)"regionId", "INVALID_REFERENCE"), ("industryId", "INVALID_REFERENCE") }));
            Assert.That(saved["enterprise"]!["industry"]!["code"]!.GetValue<string>(), Is.EqualTo("TEXTILE"));
            Assert.That(saved["enterprise"]!["region"]!["name"]!.GetValue<string>(), Is.EqualTo("南通市"));
        });
    }

    [Test]
    public async Task All_errors_are_returned_together_and_nothing_is_saved()
    {
        var before = await CountAsync("enterprises");
        var payload = await MutateAsync(Editor, "createEnterprise",
            new { name = "  ", creditCode = "ABC", employeeCount = -5, regionId = "bm90LWFuLWlk" }, EnterpriseFields);
        Assert.Multiple(async () =>
        {
            Assert.That(Errors(payload).Select(e => e.Field), Is.EquivalentTo(new[] { "name", "creditCode", "employeeCount", "regionId" }));
            Assert.That(Errors(payload).Single(e => e.Field == "employeeCount").Code, Is.EqualTo("INVALID_RANGE"));
            Assert.That(await CountAsync("enterprises"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_period_may_not_end_before_it_starts()
    {
        var indicator = await IdOfAsync("indicators", """{ code: { eq: "QUALIFICATION_PROMOTIONS" } }""");
        var refused = await MutateAsync(Editor, "createIndicatorValue",
            new { indicatorId = indicator, value = 10, periodStart = "2022-12-31", periodEnd = "2022-01-01" }, "indicatorValue { id }");
        var saved = await SucceedAsync(Editor, "createIndicatorValue",
            new { indicatorId = indicator, value = 7000.5m, periodStart = "2022-01-01", periodEnd = "2022-12-31", asOf = "2022-12-31" },
            "indicatorValue { id value periodEnd indicator { code } }");
        Assert.Multiple(() =>
        {
            Assert.That(Errors(refused), Is.EqualTo(new[] { ((string?)"periodEnd", "INVALID_RANGE") }));
            Assert.That(saved["indicatorValue"]!["value"]!.GetValue<decimal>(), Is.EqualTo(7000.5m));
            Assert.That(saved["indicatorValue"]!["indicator"]!["code"]!.GetValue<string>(), Is.EqualTo("QUALIFICATION_PROMOTIONS"));
        });
    }

    [Test]
    public async Task Enrolling_past_a_pilots_target_needs_allowOverTarget_and_then_warns()
    {
        // The seeded textile pilot has its 40 sample firms: a 41st goes over the target.
        var textilePilot = await IdOfAsync("pilotPrograms", """{ code: { eq: "TEXTILE_PILOT" } }""");
        var firm = (await SucceedAsync(Editor, "createEnterprise", new { name = "超额试点企业" },
            "enterprise { id }"))["enterprise"]!["id"]!.GetValue<string>();
        const string selection = "pilotEnrollment { id status isSample program { code } enterprise { name } }";

        var refused = await MutateAsync(Editor, "createPilotEnrollment", new { programId = textilePilot, enterpriseId = firm }, selection);
        var saved = await SucceedAsync(Editor, "createPilotEnrollment",
            new { programId = textilePilot, enterpriseId = firm, allowOverTarget = true }, selection);
        Assert.Multiple(() =>
        {
            Assert.That(Errors(refused), Is.EqualTo(new[] { ((string?)"programId", "TARGET_EXCEEDED") }));
            Assert.That(Message(refused), Does.Contain("selects 40 enterprises and has 40 enrolled"));
            Assert.That(saved["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Is.EqualTo(new[] { "TARGET_EXCEEDED" }));
            Assert.That(saved["pilotEnrollment"]!["status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(saved["pilotEnrollment"]!["isSample"]!.GetValue<bool>(), Is.False);
            Assert.That(saved["pilotEnrollment"]!["enterprise"]!["name"]!.GetValue<string>(), Is.EqualTo("超额试点企业"));
        });
    }

    [Test]
    public async Task A_firm_cannot_be_enrolled_twice()
    {
        var program = (await SucceedAsync(Admin, "createPilotProgram",
            new { code = "TWICE_PILOT", name = "重复入选测试试点", level = "CITY", targetCount = 5 },
            "pilotProgram { id }"))["pilotProgram"]!["id"]!.GetValue<string>();
        var firm = (await SucceedAsync(Editor, "createEnterprise", new { name = "重复入选企业" },
            "enterprise { id }"))["enterprise"]!["id"]!.GetValue<string>();
        await SucceedAsync(Editor, "createPilotEnrollment", new { programId = program, enterpriseId = firm }, "pilotEnrollment { id }");

        var twice = await MutateAsync(Editor, "createPilotEnrollment", new { programId = program, enterpriseId = firm },
            "pilotEnrollment { id }");
        Assert.That(Errors(twice), Is.EqualTo(new[] { ((string?)"enterpriseId", "ALREADY_ENROLLED") }));
    }

    [Test]
    public async Task An_update_changes_only_the_given_fields_and_null_clears_an_optional_one()
    {
        var created = await SucceedAsync(Editor, "createEnterprise",
            new { name = "部分更新企业", nameEn = "Partial Update Co", employeeCount = 120, description = "原描述" },
            "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        var version = created["enterprise"]!["version"]!.GetValue<long>();

        var updated = await SucceedAsync(Editor, "updateEnterprise", new Dictionary<string, object?>
        {
            ["id"] = id, ["version"] = version, ["employeeCount"] = 150, ["description"] = null,
        }, "enterprise { name nameEn employeeCount description version }");
        var cleared = await MutateAsync(Editor, "updateEnterprise", new Dictionary<string, object?>
        {
            ["id"] = id, ["version"] = updated["enterprise"]!["version"]!.GetValue<long>(), ["name"] = null,
        }, "enterprise { name }");

        var enterprise = updated["enterprise"]!;
        Assert.Multiple(() =>
        {
            Assert.That(enterprise["name"]!.GetValue<string>(), Is.EqualTo("部分更新企业"));
            Assert.That(enterprise["nameEn"]!.GetValue<string>(), Is.EqualTo("Partial Update Co"));
            Assert.That(enterprise["employeeCount"]!.GetValue<int>(), Is.EqualTo(150));
            Assert.That(enterprise["description"], Is.Null);
            Assert.That(enterprise["version"]!.GetValue<long>(), Is.Not.EqualTo(version));
            Assert.That(Errors(cleared), Is.EqualTo(new[] { ((string?)"name", "REQUIRED") }));
        });
    }

    [Test]
    public async Task Citations_are_set_by_their_ids_and_replaced_as_a_whole()
    {
        var citations = (await Api.QueryAsync("""
            { citations(first: 3, order: [{ code: ASC }]) { nodes { id code } } }
            """))["citations"]!["nodes"]!.AsArray();
        var ids = citations.Select(c => c!["id"]!.GetValue<string>()).ToArray();
        var created = await SucceedAsync(Editor, "createPracticeCase",
            new { title = "引用测试案例", sourceIds = ids[..2] }, "practiceCase { id version sources { totalCount } }");
        var caseId = created["practiceCase"]!["id"]!.GetValue<string>();
        var updated = await SucceedAsync(Editor, "updatePracticeCase",
            new { id = caseId, version = created["practiceCase"]!["version"]!.GetValue<long>(), sourceIds = new[] { ids[2] } },
            "practiceCase { sources { nodes { code } } }");
        var wrong = await MutateAsync(Editor, "createPracticeCase", new { title = "错误引用案例", sourceIds = new[] { caseId } },
            "practiceCase { id }");

        Assert.Multiple(() =>
        {
            Assert.That(created["practiceCase"]!["sources"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(updated["practiceCase"]!["sources"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()),
                Is.EqualTo(new[] { citations[2]!["code"]!.GetValue<string>() }));
            Assert.That(Errors(wrong), Is.EqualTo(new[] { ((string?)"sourceIds", "INVALID_REFERENCE") }));
        });
    }

    [Test]
    public async Task Enum_values_are_enforced_by_GraphQL()
    {
        var body = await Api.PostAsAsync(Editor, """
            mutation { createInnovationStudio(input: { name: "枚举测试", kind: NOT_A_KIND }) { errors { code } } }
            """);
        Assert.That(body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("ARGUMENTS_OF_CORRECT_TYPE"));
    }
}
