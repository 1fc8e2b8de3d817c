using System.Diagnostics;
using System.Net;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>
/// An instance killed behind HAProxy (<c>scripts/test topology</c>): once the health checks (GET /readyz every second, two
/// failures) have taken it out, every request goes to the other one. It kills instance b, so it runs last (after
/// <see cref="SharedRateLimitTests"/>, which run after <see cref="TopologyTests"/>).
/// </summary>
[TestFixture, Category("Topology"), NonParallelizable]
[DependsOnFixture(typeof(SharedRateLimitTests), AllowFailure = true)]
public sealed class FailoverTests
{
    /// <summary>Not an assertion on speed: several times the two failed checks, one second apart, that take b out.</summary>
    private static readonly TimeSpan HealthCheckPatience = TimeSpan.FromSeconds(10);

    private RunningTopology _topology = null!;

    [OneTimeSetUp]
    public void Load() => _topology = RunningTopology.Load();

    [Test]
    public async Task When_B_is_killed_HAProxy_routes_every_request_to_A()
    {
        using (var b = Process.GetProcessById(_topology.Instances["b"].Pid))
        {
            b.Kill();
            await b.WaitForExitAsync();
        }
        // Requests sent while the checks have not yet noticed may meet b's closed connections: they are not counted.
        var inFlight = new List<TopologyAnswer>();
        var checksDone = DateTime.UtcNow + HealthCheckPatience;
        while (DateTime.UtcNow < checksDone)
        {
            inFlight.Add(await ReadAsync());
            await Task.Delay(250);
        }

        var after = new List<TopologyAnswer>();
        for (var i = 0; i < 10; i++) after.Add(await ReadAsync());

        TestContext.Out.WriteLine($"{inFlight.Count(a => a.Status != HttpStatusCode.OK)} of {inFlight.Count} requests sent while "
            + "the health checks took b out failed.");
        Assert.Multiple(() =>
        {
            Assert.That(after.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(after.Select(a => a.Instance), Is.All.EqualTo("a"));
            Assert.That(after.Select(a => a.Data["regions"]!["totalCount"]!.GetValue<int>()), Is.All.Positive);
        });
    }

    private async Task<TopologyAnswer> ReadAsync()
    {
        try
        {
            return await TopologyClient.GetAsync(_topology.Shared, "{ regions(first: 1) { totalCount } }");
        }
        catch (HttpRequestException failed)
        {
            return new TopologyAnswer(HttpStatusCode.BadGateway, null, null, new JsonObject { ["error"] = failed.Message });
        }
    }
}
