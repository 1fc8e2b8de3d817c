using ProductionReform.Data.Seed;
using ProductionReform.Domain;

namespace ProductionReform.Data.Tests;

/// <summary>The seed holds the source's figures and its synthetic pilot firms are clearly marked.</summary>
public class SeedDataTests
{
    private static readonly SeedData Seed = SeedData.Load();

    // The article's figures: qualification promotions, free courses and their attendances, labour-law kits, events,
    // film viewings, insured families and people, union funds returned and small firms, service stations, investment
    // since 2016 and outdoor workers served, recuperation trips and workers, secretary projects, the 14 / 8 / 166
    // framework, the 24 / 40 pilots ~2.4 million union members, ~1 million pillar-industry workers, the ten
    // practical-matters projects and the 200-odd drivers / 500-odd workers of 崇川区's station.
    [TestCase(6558, "人次")]
    [TestCase(228, "堂")]
    [TestCase(10000, "人次")]
    [TestCase(108, "家")]
    [TestCase(92, "场")]
    [TestCase(20000, "人次")]
    [TestCase(58, "户")]
    [TestCase(152, "人")]
    [TestCase(3556, "万元")]
    [TestCase(15000, "家")]
    [TestCase(188, "家")]
    [TestCase(436, "万元")]
    [TestCase(523800, "人")]
    [TestCase(15, "期")]
    [TestCase(1102, "人")]
    [TestCase(10, "个")]
    [TestCase(14, "个")]
    [TestCase(8, "个")]
    [TestCase(166, "家")]
    [TestCase(24, "家")]
    [TestCase(40, "家")]
    [TestCase(2400000, "人")]
    [TestCase(1000000, "人")]
    [TestCase(200, "人")]
    [TestCase(500, "人")]
    public void TheFigureIsAnIndicatorValue(int value, string unit) =>
        Assert.That(Seed.Indicators.Where(i => i.Value == value && i.Unit == unit), Is.Not.Empty);

    [Test]
    public void EveryIndicatorValueIsCitedAndPlaced()
    {
        string[] regions = ["南通市", "市区", "崇川区"];
        Assert.That(Seed.Indicators.Where(i => i.Citations.Count == 0 || !regions.Contains(i.RegionName)).Select(i => i.Code), Is.Empty);
        Assert.That(Seed.Indicators.Select(i => (i.Code, i.RegionName, i.AsOf)), Is.Unique);
    }

    [Test]
    public void SampleFirmsAreSyntheticUncitedAndSpreadOverTheCountyLevelDivisions()
    {
        var samples = Seed.Enterprises.Where(e => e.IsSample).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(samples, Has.Count.EqualTo(64));
            Assert.That(samples.Count(e => e.IndustryCode == "CONSTRUCTION"
                && e.ConstructionQualification == ConstructionQualification.SpecialGrade), Is.EqualTo(24));
            Assert.That(samples.Count(e => e.IndustryCode == "TEXTILE" && e.ConstructionQualification is null), Is.EqualTo(40));
            Assert.That(samples.Where(e => e.CreditCode is not null || e.Citations.Count > 0
                    || e.DescriptionEn?.Contains("Synthetic") != true || e.DescriptionEn.Contains("illustrative") != true)
                .Select(e => e.Name), Is.Empty);
            Assert.That(samples.Select(e => e.RegionName).Distinct(), Has.Exactly(7).Items);
            Assert.That(samples.Select(e => e.Name),
                Does.Contain("示例建筑企业01").And.Contain("示例建筑企业24").And.Contain("示例纺织企业40"));
            Assert.That(samples.Select(e => e.NameEn), Does.Contain("Sample Construction Firm 01").And.Contain("Sample Textile Firm 40"));
            Assert.That(Seed.Enrollments.Count(e => e.IsSample && e.Status == PilotStatus.Active), Is.EqualTo(64));
        });
    }

    [Test]
    public void RealFirmsAreNeitherSamplesNorPilots()
    {
        string[] real = ["中天科技", "华信中央空调", "天楹集团", "江苏宇迪光学"];
        Assert.That(Seed.Enterprises.Count(e => real.Contains(e.Name) && !e.IsSample && e.CreditCode is null && e.Citations.Count > 0),
            Is.EqualTo(4));
        Assert.That(Seed.Enrollments.Select(e => e.EnterpriseName).Intersect(real), Is.Empty);
    }
}
