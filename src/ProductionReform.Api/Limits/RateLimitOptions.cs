namespace ProductionReform.Api.Limits;

/// <summary>Fixed-window rate limit per authenticated caller (API key or token subject), else per client IP.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window from one IP address (anonymous callers).</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Requests per window for one authenticated caller.</summary>
    public int AuthenticatedPermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The paths limited (with everything under them); one window covers them all. Default: /graphql, /export, /import.</summary>
    public string[]? Paths { get; set; }

    internal static readonly string[] DefaultPaths = ["/graphql", "/export", "/import"];
}
