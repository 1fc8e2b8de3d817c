namespace ProductionReform.Domain;

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
