namespace ProductionReform.Domain;

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
