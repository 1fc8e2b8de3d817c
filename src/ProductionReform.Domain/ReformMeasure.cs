namespace ProductionReform.Domain;

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
