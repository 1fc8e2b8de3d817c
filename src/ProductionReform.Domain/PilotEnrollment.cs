namespace ProductionReform.Domain;

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
