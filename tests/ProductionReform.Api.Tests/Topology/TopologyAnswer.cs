using System.Net;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>One HTTP answer of an instance: its status, which instance gave it (<c>X-Instance</c>), its ETag and body.</summary>
public sealed record TopologyAnswer(HttpStatusCode Status, string? Instance, string? ETag, JsonObject? Body)
{
    public string? Code => Body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>The <c>data</c> of an answer without errors; a failed assertion otherwise.</summary>
    public JsonObject Data =>
        Status == HttpStatusCode.OK && Body?["errors"] is null && Body?["data"] is JsonObject data
            ? data
            : throw new AssertionException($"{Instance}: {(int)Status} {Body?.ToJsonString()}");
}
