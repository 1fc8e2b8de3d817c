using System.Text.Json;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>
/// The API instances, HAProxy frontends and keys that <c>scripts/topology</c> started, read from the description its
/// <c>TOPOLOGY</c> variable names: <c>shared</c> balances instances a and b (Redis), <c>local</c> c and d (no Redis);
/// with <see cref="Standby"/> every instance reads from a hot standby of the database.
/// </summary>
public sealed record RunningTopology(
    Uri Shared, Uri Local, IReadOnlyDictionary<string, RunningTopology.Instance> Instances, string EditorKey, string LimitedKey,
    int PermitLimit, bool Standby)
{
    public sealed record Instance(Uri Url, int Pid);

    /// <summary>The running topology; outside <c>scripts/test topology</c> the test is ignored, saying how to run it.</summary>
    public static RunningTopology Load()
    {
        if (Environment.GetEnvironmentVariable("TOPOLOGY") is not { Length: > 0 } path)
        {
            Assert.Ignore("The topology tests need the instances behind HAProxy: run them with `scripts/test topology`.");
            return null!;
        }
        var description = JsonNode.Parse(File.ReadAllText(path))!;
        var instances = description["instances"]!.AsObject().ToDictionary(
            entry => entry.Key,
            entry => new Instance(new Uri(entry.Value!["url"]!.GetValue<string>()), entry.Value["pid"]!.GetValue<int>()));
        return new RunningTopology(
            new Uri(description["shared"]!.GetValue<string>()), new Uri(description["local"]!.GetValue<string>()), instances,
            description["editorKey"]!.GetValue<string>(), description["limitedKey"]!.GetValue<string>(),
            description["permitLimit"]!.GetValue<int>(), description["standby"]!.GetValue<bool>());
    }

    public Uri this[string instance] => Instances[instance].Url;

    public override string ToString() => JsonSerializer.Serialize(Instances.ToDictionary(i => i.Key, i => i.Value.Url));
}
