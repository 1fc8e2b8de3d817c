namespace ProductionReform.Domain;

public class PolicyDocument : Entity, ICited
{
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public DocumentKind Kind { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public ICollection<ReformMeasure> Measures { get; set; } = [];
    public ICollection<PilotProgram> Programs { get; set; } = [];
    public ICollection<Citation> Sources { get; set; } = [];
}
