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
