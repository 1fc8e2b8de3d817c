namespace ProductionReform.Domain;

public class Region : Entity, ICited
{
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public RegionKind Kind { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    public ICollection<Region> Children { get; set; } = [];
    public ICollection<Enterprise> Enterprises { get; set; } = [];
    public ICollection<SkillStandard> StandardsIssued { get; set; } = [];
    public ICollection<IndicatorValue> IndicatorValues { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class Industry : Entity, ICited
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public IndustryKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Industry? Parent { get; set; }
    public ICollection<Industry> Children { get; set; } = [];
    public ICollection<Enterprise> Enterprises { get; set; } = [];
    public ICollection<SkillStandard> Standards { get; set; } = [];
    public ICollection<InnovationStudio> Studios { get; set; } = [];
    public ICollection<PolicyDocument> Documents { get; set; } = [];
    public ICollection<PilotProgram> Programs { get; set; } = [];
    public ICollection<Occupation> Occupations { get; set; } = [];
    public ICollection<ReformMeasure> Measures { get; set; } = [];
    public ICollection<TrainingProgram> TrainingPrograms { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class Enterprise : Entity, ICited
{
    /// <summary>统一社会信用代码 (GB 32100-2015); null when the source does not give it.</summary>
    public string? CreditCode { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public ConstructionQualification? ConstructionQualification { get; set; }
    public int? EmployeeCount { get; set; }
    /// <summary>One of the 166 backbone enterprises; null when the source does not say.</summary>
    public bool? IsBackbone { get; set; }
    /// <summary>True for synthetic fill-in records that stand for pilot slots the source does not name.</summary>
    public bool IsSample { get; set; }
    /// <summary>In Chinese, as the source puts it.</summary>
    public string? Description { get; set; }
    /// <summary>The registry's English note, kept apart from the Chinese text.</summary>
    public string? DescriptionEn { get; set; }
    public PilotEnrollment? Pilot { get; set; }
    public ICollection<InnovationStudio> Studios { get; set; } = [];
    public ICollection<SkillStandard> StandardsIssued { get; set; } = [];
    public ICollection<PracticeCase> Cases { get; set; } = [];
    public ICollection<TrainingProgram> TrainingPrograms { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class PilotProgram : Entity, ICited
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public ProgramLevel Level { get; set; }
    public int TargetCount { get; set; }
    public DateOnly? LaunchedOn { get; set; }
    public ICollection<PilotEnrollment> Enrollments { get; set; } = [];
    public ICollection<PolicyDocument> Documents { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class PilotEnrollment : Entity
{
    public int ProgramId { get; set; }
    public PilotProgram Program { get; set; } = null!;
    public int EnterpriseId { get; set; }
    public Enterprise Enterprise { get; set; } = null!;
    public DateOnly? EnrolledOn { get; set; }
    public PilotStatus Status { get; set; }
    /// <summary>True when the enrolled firm is a synthetic sample record.</summary>
    public bool IsSample { get; set; }
    public ICollection<ReformMeasure> Measures { get; set; } = [];
}

public class PolicyDocument : Entity, ICited
{
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public DocumentKind Kind { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public ICollection<ReformMeasure> Measures { get; set; } = [];
    public ICollection<PilotProgram> Programs { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class ReformMeasure : Entity, ICited
{
    public required string Code { get; set; }
    public int? DocumentId { get; set; }
    public PolicyDocument? Document { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public int? Ordinal { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public string? Description { get; set; }
    public ICollection<PilotEnrollment> Enrollments { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class SkillStandard : Entity, ICited
{
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public required string IssuerName { get; set; }
    public int? IssuerEnterpriseId { get; set; }
    public Enterprise? IssuerEnterprise { get; set; }
    public int? IssuerRegionId { get; set; }
    public Region? IssuerRegion { get; set; }
    public int? ProducedByStudioId { get; set; }
    public InnovationStudio? ProducedByStudio { get; set; }
    public EvaluationChannel? Channel { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public List<SkillLevel> Levels { get; set; } = [];
    public int? PostCount { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public ICollection<Occupation> Occupations { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class Occupation : Entity, ICited
{
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public ICollection<SkillStandard> Standards { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class InnovationStudio : Entity, ICited
{
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public StudioKind Kind { get; set; }
    public int? HostEnterpriseId { get; set; }
    public Enterprise? HostEnterprise { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    /// <summary>The studio or scheme whose example led to this one (中天科技's bank inspired three others).</summary>
    public int? InspiredById { get; set; }
    public InnovationStudio? InspiredBy { get; set; }
    public ICollection<InnovationStudio> Inspired { get; set; } = [];
    public DateOnly? FoundedOn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public ICollection<SkillStandard> Outputs { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}

public class TrainingProgram : Entity, ICited
{
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public TrainingProgramKind Kind { get; set; }
    public int? EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public string? Description { get; set; }
    public ICollection<Citation> Sources { get; set; } = [];
}

public class PracticeCase : Entity, ICited
{
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public int? EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public string? Summary { get; set; }
    public string? Recognition { get; set; }
    public ICollection<Citation> Sources { get; set; } = [];
}

public class Indicator : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string Unit { get; set; }
    public ICollection<IndicatorValue> Values { get; set; } = [];
}

public class IndicatorValue : Entity, ICited
{
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public decimal Value { get; set; }
    /// <summary>Whether the source states the figure exactly, as nearly (近/约) or as a lower bound (多/以上).</summary>
    public ValueQualifier Qualifier { get; set; }
    public DateOnly? PeriodStart { get; set; }
    /// <summary>Null when the source does not state the end, as for a year-to-date figure.</summary>
    public DateOnly? PeriodEnd { get; set; }
    /// <summary>The figure runs from <see cref="PeriodStart"/> to an unstated day of the same year (截至目前, 今年已).</summary>
    public bool IsYearToDate { get; set; }
    public DateOnly? AsOf { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public ICollection<Citation> Sources { get; set; } = [];
}

public class Source : Entity
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public string? Author { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The year of publication, kept apart because a source may give no exact day.</summary>
    public int? PublishedYear { get; set; }
    public SourceKind Kind { get; set; }
    public string? Url { get; set; }
    public ICollection<Citation> Citations { get; set; } = [];
}

/// <summary>An exact quote of a source that states one or more facts of the registry.</summary>
public class Citation : Entity
{
    public required string Code { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    public required string Quote { get; set; }
    /// <summary>The fields (camelCase, as in the schema) of the cited records whose values this quote states.</summary>
    public List<string> Supports { get; set; } = [];
    /// <summary>
    /// True when the cited fields are the registry's reading of the quote, not what it says in so many words
    /// (e.g. "2016年以来" read as from 2016-01-01); <see cref="Note"/> says what was inferred.
    /// </summary>
    public bool IsInference { get; set; }
    public string? Note { get; set; }
    public ICollection<Region> Regions { get; set; } = [];
    public ICollection<Industry> Industries { get; set; } = [];
    public ICollection<Enterprise> Enterprises { get; set; } = [];
    public ICollection<PilotProgram> PilotPrograms { get; set; } = [];
    public ICollection<PolicyDocument> PolicyDocuments { get; set; } = [];
    public ICollection<ReformMeasure> ReformMeasures { get; set; } = [];
    public ICollection<SkillStandard> SkillStandards { get; set; } = [];
    public ICollection<Occupation> Occupations { get; set; } = [];
    public ICollection<InnovationStudio> InnovationStudios { get; set; } = [];
    public ICollection<TrainingProgram> TrainingPrograms { get; set; } = [];
    public ICollection<PracticeCase> PracticeCases { get; set; } = [];
    public ICollection<IndicatorValue> IndicatorValues { get; set; } = [];
}
