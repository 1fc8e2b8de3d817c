using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProductionReform.Api.Tests.Explorer;

/// <summary>
/// The registry explorer at /explore in headless Chromium, against the real API on Kestrel and a seeded PostgreSQL
/// database: what a researcher sees when searching, reading a record's quotes, walking its linkages and reading the
/// dashboard. Every test also checks that the page logged no console error and requested nothing off 127.0.0.1.
/// </summary>
[NonParallelizable]
public sealed class ExplorerBrowserTests
{
    private ExplorerHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ExplorerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private async Task<(string Id, string Name, string[] Quotes)> KnowledgePropertyBankAsync()
    {
        var data = await _host.QueryAsync("""
            { innovationStudios(where: { name: { contains: "知识产权银行" } }) { nodes { id name sources { nodes { quote } } } } }
            """);
        var bank = data["innovationStudios"]!["nodes"]!.AsArray().Single()!;
        return (bank["id"]!.GetValue<string>(), bank["name"]!.GetValue<string>(),
            bank["sources"]!["nodes"]!.AsArray().Select(c => c!["quote"]!.GetValue<string>()).ToArray());
    }

    private async Task<(string Id, string[] StudioIds)> ZhongtianAsync()
    {
        var data = await _host.QueryAsync("""
            { enterprises(where: { name: { eq: "中天科技" } }) { nodes { id studios(first: 100) { nodes { id } } } } }
            """);
        var firm = data["enterprises"]!["nodes"]!.AsArray().Single()!;
        return (firm["id"]!.GetValue<string>(), firm["studios"]!["nodes"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToArray());
    }

    private static ILocator Hit(IPage page, string chineseName) =>
        page.Locator("#search-results a.record-link", new() { HasTextString = chineseName });

    [Test]
    public async Task Searching_as_you_type_finds_the_knowledge_property_bank_whose_page_shows_its_quote_and_source()
    {
        var bank = await KnowledgePropertyBankAsync();
        Assert.That(bank.Quotes, Is.Not.Empty, "the seed cites the bank");
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/explore");
        await page.Locator("#search-input").PressSequentiallyAsync("知识产权", new() { Delay = 60 });
        await Expect(Hit(page, bank.Name)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/search\\?q="));
        await watched.ScreenshotAsync("explorer-search");

        await Hit(page, bank.Name).ClickAsync();
        var record = page.Locator("article.record[data-type=InnovationStudio]");
        await Expect(record.Locator("h1")).ToContainTextAsync(bank.Name);
        var shownQuotes = await record.Locator(".citations blockquote").AllInnerTextsAsync();
        Assert.That(shownQuotes, Is.EquivalentTo(bank.Quotes), "each citation's verbatim quote");
        await Expect(record.Locator(".citations figcaption").First).ToContainTextAsync("来源");
        await Expect(record.Locator("tr[data-field=name] th")).ToContainTextAsync("名称");
        await Expect(record.Locator("tr[data-field=name] th")).ToContainTextAsync("Name in Chinese");
        await Expect(record.Locator(".history")).ToContainTextAsync("ADMIN");
        await watched.ScreenshotAsync("explorer-record", fullPage: true);

        // The CSV link downloads this one record from the export endpoint.
        var csvHref = await record.Locator("a[data-action=csv]").GetAttributeAsync("href");
        Assert.That(csvHref, Does.StartWith("/export/innovationStudios.csv?where="));
        var csv = await _host.Client.GetStringAsync(csvHref);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), "a header and the bank");
        Assert.That(lines[1], Does.Contain(bank.Id));
        watched.AssertClean();
    }

    [Test]
    public async Task A_sample_record_is_marked_as_synthetic_in_search_and_on_its_page()
    {
        var data = await _host.QueryAsync("""
            { enterprises(where: { isSample: { eq: true } }, order: [{ name: ASC }], first: 1) { nodes { id name } } }
            """);
        var name = data["enterprises"]!["nodes"]![0]!["name"]!.GetValue<string>();
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync($"/explore#/search?q={Uri.EscapeDataString(name)}");
        await Expect(Hit(page, name).First.Locator(".badge.sample")).ToBeVisibleAsync();
        await Hit(page, name).First.ClickAsync();
        var record = page.Locator("article.record.is-sample");
        await Expect(record.Locator(".sample-banner")).ToContainTextAsync("示例数据");
        await Expect(record.Locator("h1 .badge.sample")).ToBeVisibleAsync();
        await Expect(record.Locator(".citations")).ToContainTextAsync("没有引用");
        await watched.ScreenshotAsync("explorer-sample");
        watched.AssertClean();
    }

    [Test]
    public async Task The_change_history_shows_for_an_admin_key_and_not_without_one()
    {
        var admin = await _host.CreateKeyAsync("Explorer admin", ProductionReform.Domain.RegistryRole.Admin);
        var data = await _host.QueryAsync("""
            { enterprises(where: { isSample: { eq: true } }, order: [{ name: DESC }], first: 1) { nodes { id version } } }
            """);
        var firm = data["enterprises"]!["nodes"]![0]!;
        var id = firm["id"]!.GetValue<string>();
        var update = await _host.QueryAsync("""
            mutation($id: ID!, $version: Long!) {
              updateEnterprise(input: { id: $id, version: $version, employeeCount: 321 }) { enterprise { employeeCount } }
            }
            """, new { id, version = firm["version"]!.GetValue<long>() }, admin);
        Assert.That(update["updateEnterprise"]?["enterprise"]?["employeeCount"]?.GetValue<int>(), Is.EqualTo(321), update.ToJsonString());
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync($"/explore#/node/{Uri.EscapeDataString(id)}");
        await Expect(page.Locator("article.record .history")).ToContainTextAsync("ADMIN");
        await Expect(page.Locator("article.record .history .events")).ToHaveCountAsync(0);
        await page.Locator("details.key summary").ClickAsync();
        await page.Locator("#key-input").FillAsync(admin);
        await page.Locator("#key-input").PressAsync("Enter");
        var history = page.Locator("article.record .history .events");
        await Expect(history).ToContainTextAsync("Explorer admin");
        await Expect(history).ToContainTextAsync("employeeCount");
        await Expect(history).ToContainTextAsync("321");
        watched.AssertClean();
    }

    [Test]
    public async Task The_keyboard_reaches_the_results_and_opens_one()
    {
        var bank = await KnowledgePropertyBankAsync();
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/explore");
        await Expect(page.Locator("#search-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("知识产权");
        await Expect(Hit(page, bank.Name)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#search-results a.record-link").First).ToBeFocusedAsync();
        var focusedHref = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(focusedHref)));
        await Expect(page.Locator("article.record h1")).ToBeVisibleAsync();
        watched.AssertClean();
    }

    [Test]
    public async Task The_linkage_graph_of_Zhongtian_shows_the_studios_it_hosts_with_the_quote_behind_each_relation()
    {
        var zhongtian = await ZhongtianAsync();
        Assert.That(zhongtian.StudioIds, Is.Not.Empty, "the seed has studios hosted by 中天科技");
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/explore");
        await page.Locator("#search-input").FillAsync("中天科技");
        await page.Locator($"#search-results a.record-link[href='#/node/{Uri.EscapeDataString(zhongtian.Id)}']").ClickAsync();
        await page.Locator("article.record a.button", new() { HasTextString = "关联图" }).ClickAsync();

        var graph = page.Locator($"section.graph[data-start='{zhongtian.Id}']");
        await Expect(graph.Locator("#graph canvas").First).ToBeAttachedAsync();
        var shownNodes = await graph.Locator(".graph-nodes li[data-node]")
            .EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.node)");
        Assert.That(shownNodes, Is.SupersetOf(zhongtian.StudioIds));
        var drawnNodes = await page.EvaluateAsync<string[]>("() => document.getElementById('graph')._cyreg.cy.nodes().map(n => n.id())");
        Assert.That(drawnNodes, Is.SupersetOf(zhongtian.StudioIds), "the canvas draws them too");

        // The HOSTS relation is labelled and its citation opens beside the graph.
        var hosts = graph.Locator(".graph-edges tr", new() { HasTextString = "拥有 hosts" }).First;
        await hosts.Locator("button").ClickAsync();
        await Expect(page.Locator("#edge-panel blockquote").First).ToBeVisibleAsync();

        // Depth 2 reaches at least as far; clicking a studio on the canvas opens its page.
        await graph.Locator("#graph-depth").SelectOptionAsync("2");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("depth=2$"));
        var deeper = page.Locator("section.graph .graph-nodes li[data-node]");
        await Expect(deeper.First).ToBeVisibleAsync();
        Assert.That(await deeper.CountAsync(), Is.GreaterThanOrEqualTo(shownNodes.Length));
        await page.Locator("section.graph .graph-edges tr", new() { HasTextString = "拥有 hosts" }).First.Locator("button").ClickAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await watched.ScreenshotAsync("explorer-graph");

        var studio = zhongtian.StudioIds[0];
        await page.Locator("#graph").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<RenderedPosition>(
            "id => document.getElementById('graph')._cyreg.cy.getElementById(id).renderedPosition()", studio);
        await page.Mouse.ClickAsync(box.X + at.X, box.Y + at.Y);
        var studioHref = System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(studio));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/node/{studioHref}$"));
        await Expect(page.Locator("article.record[data-type=InnovationStudio] h1")).ToBeVisibleAsync();
        watched.AssertClean();
    }

    /// <summary>A rendered position as Cytoscape.js gives it.</summary>
    public sealed class RenderedPosition
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    [Test]
    public async Task The_industry_chart_counts_named_firms_and_sample_records_apart()
    {
        var data = await _host.QueryAsync("{ enterprisesAggregate { count groups(by: [IS_SAMPLE]) { key { isSample } count } } }");
        var total = data["enterprisesAggregate"]!["count"]!.GetValue<int>();
        var samples = data["enterprisesAggregate"]!["groups"]!.AsArray()
            .Where(g => g!["key"]!["isSample"]!.GetValue<bool>()).Sum(g => g!["count"]!.GetValue<int>());
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/explore");
        await page.Locator("nav.views a[data-view=dashboard]").ClickAsync();
        var tile = page.Locator("#tile-industry");
        await Expect(tile.Locator("canvas")).ToBeAttachedAsync();
        await Expect(page.Locator("#tile-indicators canvas")).ToBeAttachedAsync();
        var series = await page.EvaluateAsync<ChartSeries[]>("""
            () => echarts.getInstanceByDom(document.querySelector('#tile-industry .chart')).getOption().series
                .map(s => ({ name: s.name, data: s.data.map(Number) }))
            """);
        Assert.That(series.Select(s => s.Name), Is.EqualTo(new[] { "有名称的企业", "示例数据（合成）" }));
        Assert.Multiple(() =>
        {
            Assert.That(series[0].Data.Sum() + series[1].Data.Sum(), Is.EqualTo(total), "every firm once");
            Assert.That(series[1].Data.Sum(), Is.EqualTo(samples), "the samples apart");
        });
        Assert.That(await tile.Locator("a[data-action=query]").GetAttributeAsync("href"), Does.StartWith("/graphql#query="));
        await watched.ScreenshotAsync("explorer-dashboard", fullPage: true);
        watched.AssertClean();
    }

    /// <summary>One ECharts series: its name and values.</summary>
    public sealed class ChartSeries
    {
        public string Name { get; set; } = "";
        public double[] Data { get; set; } = [];
    }

    [Test]
    public async Task The_language_switch_is_remembered_and_the_page_fits_a_phone()
    {
        await using var watched = await _host.OpenAsync(390, 844);
        var page = watched.Page;

        await page.GotoAsync("/explore#/search?q=zhongtian");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("搜索");
        await page.Locator("#lang").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Search");
        await page.ReloadAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Search");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#search-results a.record-link").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "no sideways scrolling at phone width");
        await watched.ScreenshotAsync("explorer-phone");
        watched.AssertClean();
    }

    [Test]
    public async Task The_query_link_opens_the_exact_GraphQL_in_GraphiQL()
    {
        await using var watched = await _host.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync("/explore#/search?q=知识产权");
        var link = page.Locator("a[data-action=query]");
        await Expect(link).ToBeVisibleAsync();
        var href = (await link.GetAttributeAsync("href"))!;
        var fragment = System.Web.HttpUtility.ParseQueryString(href[(href.IndexOf('#') + 1)..]);
        Assert.That(fragment["query"], Does.Contain("search(text: $text"));
        Assert.That(fragment["variables"], Does.Contain("知识产权"));

        await page.GotoAsync(href);
        await Expect(page.Locator(".graphiql-query-editor")).ToContainTextAsync("query Search");
        watched.AssertClean();
    }
}
