using System.Globalization;
using System.Text;
using ProductionReform.GraphQL.Data;

namespace ProductionReform.Api.Features.Changes;

/// <summary>
/// A place in the change feed: the data version of a commit and the position of an event in the log. Versions
/// follow commit order, so a place is stable: nothing is ever committed before it later.
/// </summary>
public readonly record struct ChangePosition(long Version, long Position)
{
    private const string Prefix = "ChangeEvent:";

    /// <summary>Before the first event.</summary>
    public static ChangePosition Start { get; } = new(0, 0);

    /// <summary>The opaque cursor clients page with: base64 of <c>ChangeEvent:version:position</c>.</summary>
    public string Cursor => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Version}:{Position}")));

    /// <summary>
    /// A cursor of the feed, or a data version in decimal (as the change hub and ETags count): the place after the
    /// last event of that commit.
    /// </summary>
    /// <exception cref="DataError">INVALID_CURSOR for anything else.</exception>
    public static ChangePosition Parse(string since)
    {
        if (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return new ChangePosition(version, long.MaxValue);
        var bytes = new byte[since.Length];
        if (Convert.TryFromBase64String(since, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length) is var text && text.StartsWith(Prefix, StringComparison.Ordinal)
            && text[Prefix.Length..].Split(':') is [var versionText, var positionText]
            && long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && long.TryParse(positionText, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            return new ChangePosition(version, position);
        throw DataError.InvalidCursor(
            $"'{since}' is not a cursor of `changes`; pass an edge's cursor or pageInfo.endCursor, or a data version.");
    }
}
