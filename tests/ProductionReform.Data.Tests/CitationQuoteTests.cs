using ProductionReform.Data.Seed;

namespace ProductionReform.Data.Tests;

/// <summary>Every quote of the article in the seed is its exact text (the article's print-layout line breaks removed).</summary>
public class CitationQuoteTests
{
    public const string ArticleSourceCode = "nantong-ftu-2021";

    // The checkout keeps a copy of ../shared/seed's article beside the seed, so that a clone tests on its own.
    private const string ArticleFile = "nantong-reform-article-2021.txt";
    private const string ArticlePath = "src/ProductionReform.Data/Seed/" + ArticleFile;
    private const string SharedArticlePath = "shared/seed/" + ArticleFile;

    /// <summary>The article with its layout line breaks removed; found by walking up from the test directory.</summary>
    public static string ArticleText { get; } = File.ReadAllText(Find(ArticlePath)
        ?? throw new FileNotFoundException($"{ArticlePath} was not found above {TestContext.CurrentContext.TestDirectory}."))
        .Replace("\r", "").Replace("\n", "");

    private static IEnumerable<TestCaseData> ArticleCitations() =>
        SeedData.Load().Citations.Where(c => c.SourceCode == ArticleSourceCode)
            .Select(c => new TestCaseData(c.Quote).SetArgDisplayNames(c.Code));

    [TestCaseSource(nameof(ArticleCitations))]
    public void QuoteIsVerbatimInTheArticle(string quote) =>
        Assert.That(ArticleText, Does.Contain(quote));

    [Test]
    public void The_checkouts_article_is_the_shared_one()
    {
        var shared = Find(SharedArticlePath);
        if (shared is null) Assert.Ignore($"No {SharedArticlePath} beside the checkout to compare with.");
        Assert.That(File.ReadAllBytes(Find(ArticlePath)!), Is.EqualTo(File.ReadAllBytes(shared!)));
    }

    [Test]
    public void TheArticleIsCitedAtLeastTwentyTimes() =>
        Assert.That(SeedData.Load().Citations.Count(c => c.SourceCode == ArticleSourceCode), Is.GreaterThanOrEqualTo(20));

    [Test]
    public void CitationCodesAreUnique()
    {
        var codes = SeedData.Load().Citations.Select(c => c.Code).ToList();
        Assert.That(codes, Is.Unique);
    }

    private static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
