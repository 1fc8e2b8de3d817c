namespace ProductionReform.Domain;

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
