namespace ProductionReform.Domain;

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
