namespace ProductionReform.Api.Tests.Features;

public sealed class PilotProgramTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("pilots");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("CONSTRUCTION", 24, "示例建筑企业")]
    [TestCase("TEXTILE", 40, "示例纺织企业")]
    public async Task Each_pilot_program_enrolls_its_target_of_sample_firms(string industryCode, int target, string namePrefix)
    {
        var data = await _api.QueryAsync("""
            query($code: String!) {
              pilotPrograms(where: { industry: { code: { eq: $code } } }) {
                nodes {
                  targetCount
                  enrollments(first: 100) { totalCount nodes { isSample enterprise { name isSample creditCode } } }
                }
              }
            }
            """, new { code = industryCode });

        var program = data["pilotPrograms"]!["nodes"]!.AsArray().Single()!;
        var enrollments = program["enrollments"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(program["targetCount"]!.GetValue<int>(), Is.EqualTo(target));
            Assert.That(program["enrollments"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(target));
            Assert.That(enrollments, Has.Count.EqualTo(target));
            Assert.That(enrollments.Select(e => e!["enterprise"]!["name"]!.GetValue<string>()), Has.All.StartWith(namePrefix));
            Assert.That(enrollments.Select(e => e!["enterprise"]!["isSample"]!.GetValue<bool>()), Has.All.True);
            Assert.That(enrollments.Select(e => e!["enterprise"]!["creditCode"]), Has.All.Null);
        });
    }

    [Test]
    public async Task Real_firms_named_in_the_source_are_not_pilot_members()
    {
        var data = await _api.QueryAsync("""
            { enterprises(where: { isSample: { eq: false } }, first: 100) { nodes { name pilot { id } } } }
            """);

        var firms = data["enterprises"]!["nodes"]!.AsArray();
        Assert.That(firms.Select(f => f!["name"]!.GetValue<string>()),
            Is.SupersetOf(new[] { "中天科技", "华信中央空调", "天楹集团", "江苏宇迪光学" }));
        Assert.That(firms.Select(f => f!["pilot"]), Has.All.Null);
    }
}
