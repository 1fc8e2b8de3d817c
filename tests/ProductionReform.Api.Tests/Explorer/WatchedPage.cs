using Microsoft.Playwright;

namespace ProductionReform.Api.Tests.Explorer;

/// <summary>A browser page that records its console errors, uncaught exceptions and every URL it requests.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];

    public WatchedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        context.Request += (_, request) => { lock (_requests) _requests.Add(request.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (_errors) _errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (_errors) _errors.Add(error); };
        // The console says only "Failed to load resource"; this names the URL.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (_errors) _errors.Add($"HTTP {response.Status} {response.Url}");
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Requests to anywhere but 127.0.0.1 (blob: and data: URLs are made in the page, not fetched).</summary>
    public IReadOnlyList<string> ForeignRequests()
    {
        lock (_requests)
            return _requests
                .Where(url => !url.StartsWith("blob:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)
                    && new Uri(url).Host != "127.0.0.1")
                .ToList();
    }

    public int RequestCount { get { lock (_requests) return _requests.Count; } }

    /// <summary>Fails the test when the page logged an error or requested anything off this machine.</summary>
    public void AssertClean()
    {
        Assert.Multiple(() =>
        {
            lock (_errors) Assert.That(_errors, Is.Empty, "console errors");
            Assert.That(ForeignRequests(), Is.Empty, "requests that left 127.0.0.1");
            Assert.That(RequestCount, Is.GreaterThan(0), "the page made no request at all");
        });
    }

    /// <summary>Saves a PNG of the page when EXPLORER_SCREENSHOTS names a folder (how Explorer/screenshots gets its pictures).</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        var folder = Environment.GetEnvironmentVariable("EXPLORER_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
