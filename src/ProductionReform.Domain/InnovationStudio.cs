namespace ProductionReform.Domain;

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
