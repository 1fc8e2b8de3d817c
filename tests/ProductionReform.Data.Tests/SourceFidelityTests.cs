using System.Text.RegularExpressions;
using ProductionReform.Data.Seed;
using ProductionReform.Domain;

namespace ProductionReform.Data.Tests;

/// <summary>
/// The seed read against the article (issue 12): the facts it once had wrong are corrected, the facts it lacked are
/// present with a quote that states them, and no date goes beyond what a supporting quote says.
/// </summary>
public class SourceFidelityTests
{
    private static readonly SeedData Seed = SeedData.Load();
    private static readonly Dictionary<string, CitationSeed> Citations = Seed.Citations.ToDictionary(c => c.Code);

    private static IndicatorSeed Indicator(string code) => Seed.Indicators.Single(i => i.Code == code);

    private static IEnumerable<CitationSeed> Cited(ICitedSeed record) => record.Citations.Select(code => Citations[code]);

    [Test]
    public void ChongchuanHasItsPostMergerCodeFromANamedEditionOfTheList()
    {
        var chongchuan = Seed.Regions.Single(r => r.Name == "崇川区");
        var reference = Seed.Sources.Single(s => s.Kind == SourceKind.Reference);
        Assert.Multiple(() =>
        {
            Assert.That(chongchuan.Code, Is.EqualTo("320613"));
            Assert.That(Cited(chongchuan).Select(c => c.Quote), Is.EqualTo(new[] { "320613 崇川区" }));
            Assert.That(Seed.Citations.Select(c => c.Quote), Has.None.Contains("320602"));
            Assert.That(reference.Title, Does.Contain("民政部").And.Contain(reference.PublishedYear + "年"));
        });
    }

    [TestCase("QUALIFICATION_PROMOTIONS")]
    [TestCase("FREE_TRAINING_COURSES")]
    [TestCase("TRAINING_COURSE_ATTENDANCE")]
    [TestCase("LABOUR_LAW_KIT_ENTERPRISES")]
    [TestCase("CULTURAL_EVENTS")]
    [TestCase("FREE_FILM_VIEWINGS")]
    [TestCase("INSURED_NEEDY_FAMILIES")]
    [TestCase("INSURED_NEEDY_FAMILY_MEMBERS")]
    [TestCase("SMALL_FIRM_UNION_FUNDS_RETURNED")]
    [TestCase("SMALL_FIRMS_BENEFITING")]
    [TestCase("RECUPERATION_TRIPS")]
    [TestCase("RECUPERATION_PARTICIPANTS")]
    public void AYearToDateFigureHasNoEndDay(string code)
    {
        var value = Indicator(code);
        Assert.That((value.IsYearToDate, value.PeriodStart, value.PeriodEnd),
            Is.EqualTo((true, (DateOnly?)new DateOnly(2021, 1, 1), (DateOnly?)null)));
    }

    [Test]
    public void TheInsuredFamiliesAreThoseOfTheUrbanDistricts()
    {
        var urban = Seed.Regions.Single(r => r.Name == "市区");
        Assert.Multiple(() =>
        {
            Assert.That((urban.Kind, urban.Code, urban.ParentName),
                Is.EqualTo((RegionKind.AggregateArea, (string?)null, (string?)"南通市")));
            Assert.That(Indicator("INSURED_NEEDY_FAMILIES").RegionName, Is.EqualTo("市区"));
            Assert.That(Indicator("INSURED_NEEDY_FAMILY_MEMBERS").RegionName, Is.EqualTo("市区"));
            Assert.That(Cited(urban).Single().Quote, Does.Contain("为市区建档的58户"));
        });
    }

    /// <summary>近 is approximate, 多 a lower bound; the quote of each such figure carries the word.</summary>
    [TestCase("UNION_MEMBERS", ValueQualifier.Approximate, "近240万")]
    [TestCase("PILLAR_INDUSTRY_WORKERS", ValueQualifier.Approximate, "近百万")]
    [TestCase("SANITATION_TRUCK_DRIVERS", ValueQualifier.AtLeast, "200多名")]
    [TestCase("SANITATION_STATION_WORKERS_SERVED", ValueQualifier.AtLeast, "500多名")]
    public void AQualifiedFigureSaysSo(string code, ValueQualifier qualifier, string words)
    {
        var value = Indicator(code);
        Assert.That(value.Qualifier, Is.EqualTo(qualifier));
        Assert.That(Cited(value).Where(c => c.Supports.Contains("qualifier")).Select(c => c.Quote), Has.Some.Contains(words));
    }

    [Test]
    public void OnlyQualifiedQuotesGiveQualifiedFigures()
    {
        var qualifiedWords = new Regex("近|约|多名|以上");
        var exactButWorded = Seed.Indicators
            .Where(i => i.Qualifier == ValueQualifier.Exact && Cited(i).Any(c => c.Supports.Contains("qualifier")))
            .Select(i => i.Code);
        var qualifiedWithoutWord = Seed.Indicators
            .Where(i => i.Qualifier != ValueQualifier.Exact && !Cited(i).Any(c => qualifiedWords.IsMatch(c.Quote)))
            .Select(i => i.Code);
        Assert.That(exactButWorded.Concat(qualifiedWithoutWord), Is.Empty);
    }

    [Test]
    public void TheSourceDoesNotSayWhetherTheRealFirmsAreBackboneEnterprises() =>
        Assert.That(Seed.Enterprises.Where(e => e.IsBackbone is not null).Select(e => e.Name), Is.Empty);

    [Test]
    public void EnglishNamesFollowTheCorrectedDomain()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Seed.Studios.Single(s => s.Kind == StudioKind.KnowledgePropertyBank).NameEn,
                Does.Contain("Intellectual Property Bank"));
            Assert.That(Seed.Studios.Single(s => s.Kind == StudioKind.CrowdInnovationBank).NameEn, Is.EqualTo("Mass-Innovation Bank"));
            Assert.That(Indicator("SECRETARY_PROJECTS").NameEn, Does.Contain("Party-secretary projects"));
            Assert.That(Indicator("INSURED_NEEDY_FAMILIES").NameEn, Does.Contain("Yibao Nantong Bao"));
            var cities = Seed.Regions.Where(r => r.Kind is RegionKind.CountyLevelCity or RegionKind.City).Select(r => r.NameEn).ToList();
            Assert.That(cities, Has.Count.EqualTo(4));
            Assert.That(cities, Has.All.EndsWith(" City"));
        });
    }

    /// <summary>Chinese and English are kept in separate fields: no description mixes the two.</summary>
    [Test]
    public void DescriptionsAreInOneLanguageEach()
    {
        var latinWord = new Regex("[A-Za-z]{3,}");
        var cjk = new Regex(@"\p{IsCJKUnifiedIdeographs}");
        var descriptions = Seed.Enterprises.Select(e => (e.Name, e.Description, e.DescriptionEn))
            .Concat(Seed.Studios.Select(s => (s.Name, s.Description, s.DescriptionEn)))
            .Concat(Seed.Regions.Select(r => (r.Name, r.Description, r.DescriptionEn)));
        Assert.That(descriptions
                .Where(d => latinWord.IsMatch(d.Description ?? "") || cjk.IsMatch((d.DescriptionEn ?? "").Replace("市区", "")))
                .Select(d => d.Name),
            Is.Empty);
    }

    /// <summary>What the registry reads into the article is marked as its inference, with a note; the rest are quotes.</summary>
    [Test]
    public void InferencesAreMarkedWithANote()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Seed.Programs.Select(p => Cited(p).Any(c => c.IsInference && c.Supports.Contains("level"))), Has.All.True);
            Assert.That(Seed.Documents.Select(d => Cited(d).Any(c => c.IsInference && c.Supports.Contains("programs"))), Has.All.True);
            Assert.That(Indicator("OUTDOOR_SERVICE_STATIONS").PeriodStart, Is.EqualTo(new DateOnly(2016, 1, 1)));
            Assert.That(Cited(Indicator("OUTDOOR_SERVICE_STATIONS")).Where(c => c.IsInference).Select(c => c.Supports),
                Has.Some.Contains("periodStart"));
            Assert.That(Seed.Citations.Where(c => c.IsInference != (c.Note is not null)).Select(c => c.Code), Is.Empty);
        });
    }

    [Test]
    public void TheMissingFactsArePresentWithTheirQuotes()
    {
        Assert.Multiple(() =>
        {
            var leading = Seed.Industries.Single(i => i.Kind == IndustryKind.Leading);
            Assert.That(leading.Name, Does.Contain("“3+3+N”龙头产业"));
            Assert.That(Cited(leading).Select(c => c.Quote), Has.Some.Contains("“3+3+N”龙头产业"));

            var nantong = Seed.Regions.Single(r => r.Name == "南通市");
            Assert.That(nantong.Description,
                Does.Contain("江苏省首批").And.Contain("制造业大市").And.Contain("产业工人集聚大市"));
            Assert.That(Cited(nantong).Select(c => c.Quote),
                Has.Some.Contains("江苏省首批试点城市").And.Some.Contains("制造业大市,也是产业工人集聚大市"));

            Assert.That(Indicator("SANITATION_TRUCK_DRIVERS").RegionName, Is.EqualTo("崇川区"));
            Assert.That(Indicator("SANITATION_STATION_WORKERS_SERVED").RegionName, Is.EqualTo("崇川区"));
            var station = Seed.Cases.Single(c => c.Title.Contains("爱心服务站"));
            Assert.That(Cited(station).Select(c => c.Quote),
                Has.Some.Contains("运华路").And.Some.Contains("2019年9月").And.Some.Contains("500多名"));

            var projects = Indicator("PRACTICAL_MATTERS_PROJECTS");
            Assert.That(projects.Value, Is.EqualTo(10));
            Assert.That(Cited(projects).Select(c => c.Quote), Has.Some.Contains("十大实事项目"));

            string[] secretaryProjects = ["小微企业工会经费返还", "书记思政课", "红色电影进万家"];
            foreach (var title in secretaryProjects)
            {
                var project = Seed.Cases.Single(c => c.Title == title);
                Assert.That(Cited(project).Select(c => c.Quote), Has.Some.Contains($"“{title}”"), title);
                Assert.That(project.Recognition, Does.Contain("优秀书记项目"), title);
            }
        });
    }

    [Test]
    public void RealFirmsStayOutOfThePilots()
    {
        var real = Seed.Enterprises.Where(e => !e.IsSample).Select(e => e.Name);
        Assert.That(Seed.Enrollments.Select(e => e.EnterpriseName).Intersect(real), Is.Empty);
    }

    /// <summary>
    /// Every date is backed by a quote that states it: the year ("2021年"), and the day ("6月16日") unless it is the
    /// first or last of that year; a year-to-date figure starts on 1 January of the article's year and has no end.
    /// A date read into a quote is allowed only as a marked inference.
    /// </summary>
    [Test]
    public void NoDateGoesBeyondItsQuote()
    {
        var articleYear = Seed.Sources.Single(s => s.Code == CitationQuoteTests.ArticleSourceCode).PublishedYear;
        var dates = Seed.Indicators
            .SelectMany(i => new[] { ("periodStart", i.PeriodStart, i), ("periodEnd", i.PeriodEnd, i), ("asOf", i.AsOf, i) })
            .Select(d => (d.Item1, d.Item2, Record: (ICitedSeed)d.i, Label: d.i.Code))
            .Concat(Seed.Programs.Select(p => ("launchedOn", p.LaunchedOn, (ICitedSeed)p, p.Code)))
            .Concat(Seed.Documents.Select(d => ("issuedOn", d.IssuedOn, (ICitedSeed)d, d.Title)))
            .Concat(Seed.Standards.Select(s => ("publishedOn", s.PublishedOn, (ICitedSeed)s, s.Title)))
            .Concat(Seed.Studios.Select(s => ("foundedOn", s.FoundedOn, (ICitedSeed)s, s.Name)))
            .Where(d => d.Item2 is not null);

        var unstated = new List<string>();
        foreach (var (field, date, record, label) in dates)
        {
            var day = date!.Value;
            var yearToDate = record is IndicatorSeed { IsYearToDate: true };
            var supporting = Cited(record).Where(c => c.Supports.Contains(field)).ToList();
            var stated = supporting.Any(c => c.IsInference) || yearToDate switch
            {
                true => field == "periodStart" && day == new DateOnly(articleYear!.Value, 1, 1) && supporting.Count > 0,
                false => supporting.Any(c => c.Quote.Contains($"{day.Year}年") &&
                                             (day.DayOfYear == 1 || (day.Month, day.Day) == (12, 31)
                                              || c.Quote.Contains($"{day.Month}月{day.Day}日"))),
            };
            if (!stated) unstated.Add($"{label}.{field} = {day:yyyy-MM-dd}");
        }
        Assert.That(unstated, Is.Empty);
    }

    /// <summary>Every field a citation says it supports is a field of some record it is linked to.</summary>
    [Test]
    public void EveryCitationSaysWhichFieldsItSupports()
    {
        var linked = Seed.Regions.Cast<ICitedSeed>().Concat(Seed.Industries).Concat(Seed.Enterprises).Concat(Seed.Programs)
            .Concat(Seed.Documents).Concat(Seed.Measures).Concat(Seed.Studios).Concat(Seed.Standards)
            .Concat(Seed.TrainingPrograms).Concat(Seed.Cases).Concat(Seed.Indicators)
            .SelectMany(r => r.Citations).ToHashSet();
        Assert.That(Seed.Citations.Where(c => linked.Contains(c.Code) && c.Supports.Count == 0).Select(c => c.Code), Is.Empty);
    }
}
