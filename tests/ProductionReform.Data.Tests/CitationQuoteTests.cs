using ProductionReform.Data.Seed;

namespace ProductionReform.Data.Tests;

/// <summary>Every quote of the article in the seed is its exact text (the article's print-layout line breaks removed).</summary>
public class CitationQuoteTests
{
    public const string ArticleSourceCode = "nantong-ftu-2021";
    private const string ArticlePath = "shared/seed/nantong-reform-article-2021.txt";

    /// <summary>The article with its layout line breaks removed; found by walking up from the test directory.</summary>
    public static string ArticleText { get; } = ReadArticle();

    private static IEnumerable<TestCaseData> ArticleCitations() =>
        SeedData.Load().Citations.Where(c => c.SourceCode == ArticleSourceCode)
            .Select(c => new TestCaseData(c.Quote).SetArgDisplayNames(c.Code));

    [TestCaseSource(nameof(ArticleCitations))]
    public void QuoteIsVerbatimInTheArticle(string quote) =>
        Assert.That(ArticleText, Does.Contain(quote));

    [Test]
    public void TheArticleIsCitedAtLeastTwentyTimes() =>
        Assert.That(SeedData.Load().Citations.Count(c => c.SourceCode == ArticleSourceCode), Is.GreaterThanOrEqualTo(20));

    [Test]
    public void CitationCodesAreUnique()
    {
        var codes = SeedData.Load().Citations.Select(c => c.Code).ToList();
        Assert.That(codes, Is.Unique);
    }

    private static string ReadArticle()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, ArticlePath);
            if (File.Exists(path)) return File.ReadAllText(path).Replace("\r", "").Replace("\n", "");
        }
        throw new FileNotFoundException($"{ArticlePath} was not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
