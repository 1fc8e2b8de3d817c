namespace ProductionReform.Domain;

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
