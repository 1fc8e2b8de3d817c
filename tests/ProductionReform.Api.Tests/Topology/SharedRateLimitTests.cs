using System.Net;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>
/// The rate limit behind HAProxy (<c>scripts/test topology</c>: every instance allows <c>permitLimit</c> requests per key in a
/// ten-minute window, and each test has a key of its own): with Redis one window for all instances, without it one per instance.
/// </summary>
[TestFixture, Category("Topology"), NonParallelizable]
[DependsOnFixture(typeof(TopologyTests), AllowFailure = true)] // in order, before FailoverTests kill b
public sealed class SharedRateLimitTests
{
    private RunningTopology _topology = null!;

    [OneTimeSetUp]
    public void Load() => _topology = RunningTopology.Load();

    [Test]
    public async Task With_Redis_the_request_past_the_limit_is_refused_whichever_instance_answers_it()
    {
        var accepted = await RequestsAsync(_topology.Shared, _topology.PermitLimit);
        var refused = await RequestAsync(_topology.Shared);

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(accepted.Select(a => a.Instance).Distinct().Order(), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Code, Is.EqualTo("RATE_LIMITED"));
            Assert.That(refused.Body!["errors"]![0]!["extensions"]!["limit"]!.GetValue<int>(), Is.EqualTo(_topology.PermitLimit));
        });
    }

    [Test]
    public async Task Without_Redis_each_instance_counts_its_own_window()
    {
        var answers = await RequestsAsync(_topology.Local, 2 * _topology.PermitLimit + 2);

        var byInstance = answers.GroupBy(a => a.Instance!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Multiple(() =>
        {
            Assert.That(byInstance.Keys.Order(), Is.EqualTo(new[] { "c", "d" }));
            foreach (var (instance, its) in byInstance)
            {
                Assert.That(its.Count(a => a.Status == HttpStatusCode.OK), Is.EqualTo(_topology.PermitLimit), instance);
                Assert.That(its.Where(a => a.Status != HttpStatusCode.OK).Select(a => a.Code), Is.All.EqualTo("RATE_LIMITED"), instance);
            }
        });
    }

    private async Task<List<TopologyAnswer>> RequestsAsync(Uri proxy, int count)
    {
        var answers = new List<TopologyAnswer>();
        for (var i = 0; i < count; i++) answers.Add(await RequestAsync(proxy));
        return answers;
    }

    private Task<TopologyAnswer> RequestAsync(Uri proxy) =>
        TopologyClient.PostAsync(proxy, new { query = "{ __typename }" }, _topology.LimitedKey);
}
