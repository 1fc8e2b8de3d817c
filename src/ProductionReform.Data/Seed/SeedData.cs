using System.Text.Json;
using System.Text.Json.Serialization;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

// Seed records as they are written in Seed/*.json. Scalar properties carry the entity's own names so
// Mapster copies them; references to other records are natural keys whose C# names differ from the
// entity's navigations (RegionName, not Region), so Mapster leaves navigations to the loader.

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

    /// <summary>
    /// 示例建筑企业01… / Sample Construction Firm 01…: regions round-robin, synthetic employee counts, one enrollment each.
    /// </summary>
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
