using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

// Seed records as they are written in Seed/*.json. Scalar properties carry the entity's own names so
// Mapster copies them; references to other records are natural keys whose C# names differ from the
// entity's navigations (RegionName, not Region), so Mapster leaves navigations to the loader.

/// <summary>A seed record that states facts and so names the citations that state them.</summary>
public interface ICitedSeed
{
    IReadOnlyList<string> Citations { get; }
}

public sealed record SourceSeed(string Code, string Title, string? Publisher, string? Author, DateOnly? PublishedOn,
    int? PublishedYear, SourceKind Kind, string? Url);

/// <summary>A quote; <c>supports</c> names the fields it states, <c>isInference</c> marks the registry's reading of it.</summary>
public sealed record CitationSeed(string Code, [property: JsonPropertyName("source")] string SourceCode, string Quote,
    List<string> Supports, bool IsInference = false, string? Note = null);

public sealed record RegionSeed(string? Code, string Name, string? NameEn, RegionKind Kind,
    [property: JsonPropertyName("parent")] string? ParentName, IReadOnlyList<string> Citations,
    string? Description = null, string? DescriptionEn = null) : ICitedSeed;

public sealed record IndustrySeed(string Code, string Name, string? NameEn, IndustryKind Kind,
    [property: JsonPropertyName("parent")] string? ParentCode, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record EnterpriseSeed(string Name, string? NameEn, string? CreditCode,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("region")] string? RegionName,
    ConstructionQualification? ConstructionQualification, int? EmployeeCount, bool? IsBackbone, bool IsSample,
    string? Description, string? DescriptionEn, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record PilotProgramSeed(string Code, string Name, string? NameEn,
    [property: JsonPropertyName("industry")] string? IndustryCode, ProgramLevel Level, int TargetCount,
    DateOnly? LaunchedOn, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record PilotEnrollmentSeed(string EnterpriseName, string ProgramCode, DateOnly? EnrolledOn,
    PilotStatus Status, bool IsSample);

public sealed record PolicyDocumentSeed(string Title, string? TitleEn, DocumentKind Kind, string? Issuer, DateOnly? IssuedOn,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("programs")] IReadOnlyList<string> ProgramCodes,
    IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record ReformMeasureSeed(string Code,
    [property: JsonPropertyName("document")] string? DocumentTitle,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    int? Ordinal, string Title, string? TitleEn, string? Description, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record InnovationStudioSeed(string Name, string? NameEn, StudioKind Kind,
    [property: JsonPropertyName("hostEnterprise")] string? HostEnterpriseName,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    [property: JsonPropertyName("inspiredBy")] string? InspiredByName,
    DateOnly? FoundedOn, string? Description, IReadOnlyList<string> Citations, string? DescriptionEn = null) : ICitedSeed;

public sealed record SkillStandardSeed(string Title, string? TitleEn, string IssuerName,
    [property: JsonPropertyName("issuerEnterprise")] string? IssuerEnterpriseName,
    [property: JsonPropertyName("issuerRegion")] string? IssuerRegionName,
    [property: JsonPropertyName("producedByStudio")] string? ProducedByStudioName,
    EvaluationChannel? Channel,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    List<SkillLevel> Levels, int? PostCount, DateOnly? PublishedOn, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record TrainingProgramSeed(string Name, string? NameEn, TrainingProgramKind Kind,
    [property: JsonPropertyName("enterprise")] string? EnterpriseName,
    [property: JsonPropertyName("industry")] string? IndustryCode,
    string? Description, IReadOnlyList<string> Citations) : ICitedSeed;

public sealed record PracticeCaseSeed(string Title, string? TitleEn,
    [property: JsonPropertyName("enterprise")] string? EnterpriseName,
    string? Summary, string? Recognition, IReadOnlyList<string> Citations) : ICitedSeed;

/// <summary>One figure: the indicator (code, name, unit) and one value of it. Several rows may share an indicator code.</summary>
public sealed record IndicatorSeed(string Code, string Name, string? NameEn, string Unit, decimal Value,
    ValueQualifier Qualifier, DateOnly? PeriodStart, DateOnly? PeriodEnd, bool IsYearToDate, DateOnly? AsOf,
    [property: JsonPropertyName("region")] string? RegionName, IReadOnlyList<string> Citations) : ICitedSeed;

/// <summary>Compact spec of the synthetic pilot firms (sample-enterprises.json).</summary>
public sealed record SampleEnterpriseSpec(IReadOnlyList<string> Regions, IReadOnlyList<SampleGroupSpec> Groups);

public sealed record SampleGroupSpec(string Program, int Count, string NamePrefix, string NameEnPrefix, string Industry,
    ConstructionQualification? ConstructionQualification, int EmployeeBase, int EmployeeStep, int EmployeeSpread,
    string Description, string DescriptionEn);

/// <summary>The whole seed, read from the JSON embedded in this assembly.</summary>
public sealed record SeedData(
    IReadOnlyList<SourceSeed> Sources,
    IReadOnlyList<CitationSeed> Citations,
    IReadOnlyList<RegionSeed> Regions,
    IReadOnlyList<IndustrySeed> Industries,
    IReadOnlyList<EnterpriseSeed> Enterprises,
    IReadOnlyList<PilotProgramSeed> Programs,
    IReadOnlyList<PilotEnrollmentSeed> Enrollments,
    IReadOnlyList<PolicyDocumentSeed> Documents,
    IReadOnlyList<ReformMeasureSeed> Measures,
    IReadOnlyList<InnovationStudioSeed> Studios,
    IReadOnlyList<SkillStandardSeed> Standards,
    IReadOnlyList<TrainingProgramSeed> TrainingPrograms,
    IReadOnlyList<PracticeCaseSeed> Cases,
    IReadOnlyList<IndicatorSeed> Indicators)
{
    /// <summary>Enum values are written as in the database and the schema: SCREAMING_SNAKE_CASE.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(new ScreamingSnakeNamingPolicy(), allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
    };

    public static SeedData Load()
    {
        var spec = Read<SampleEnterpriseSpec>("sample-enterprises.json");
        var (sampleFirms, sampleEnrollments) = ExpandSamples(spec);
        return new SeedData(
            Read<List<SourceSeed>>("sources.json"),
            Read<List<CitationSeed>>("citations.json"),
            Read<List<RegionSeed>>("regions.json"),
            Read<List<IndustrySeed>>("industries.json"),
            [.. Read<List<EnterpriseSeed>>("enterprises.json"), .. sampleFirms],
            Read<List<PilotProgramSeed>>("programs.json"),
            sampleEnrollments,
            Read<List<PolicyDocumentSeed>>("documents.json"),
            Read<List<ReformMeasureSeed>>("measures.json"),
            Read<List<InnovationStudioSeed>>("studios.json"),
            Read<List<SkillStandardSeed>>("standards.json"),
            Read<List<TrainingProgramSeed>>("training.json"),
            Read<List<PracticeCaseSeed>>("cases.json"),
            Read<List<IndicatorSeed>>("indicators.json"));
    }

    /// <summary>示例建筑企业01… / Sample Construction Firm 01…: regions round-robin, synthetic employee counts, one enrollment each.</summary>
    private static (List<EnterpriseSeed>, List<PilotEnrollmentSeed>) ExpandSamples(SampleEnterpriseSpec spec)
    {
        var firms = new List<EnterpriseSeed>();
        var enrollments = new List<PilotEnrollmentSeed>();
        foreach (var group in spec.Groups)
        {
            for (var i = 1; i <= group.Count; i++)
            {
                var name = $"{group.NamePrefix}{i:00}";
                firms.Add(new EnterpriseSeed(name, $"{group.NameEnPrefix} {i:00}", CreditCode: null, group.Industry,
                    spec.Regions[(i - 1) % spec.Regions.Count], group.ConstructionQualification,
                    group.EmployeeBase + i * group.EmployeeStep % group.EmployeeSpread,
                    IsBackbone: null, IsSample: true, group.Description, group.DescriptionEn, Citations: []));
                enrollments.Add(new PilotEnrollmentSeed(name, group.Program, EnrolledOn: null, PilotStatus.Active, IsSample: true));
            }
        }
        return (firms, enrollments);
    }

    private static T Read<T>(string fileName)
    {
        var assembly = typeof(SeedData).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Seed." + fileName, StringComparison.Ordinal))
                       ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
               ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }

    private sealed class ScreamingSnakeNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => EnumNames.ToScreamingSnake(name);
    }
}
