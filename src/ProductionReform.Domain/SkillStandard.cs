namespace ProductionReform.Domain;

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
