namespace ProductionReform.Domain;

public class PracticeCase : Entity, ICited
{
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public int? EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public string? Summary { get; set; }
    public string? Recognition { get; set; }
    public ICollection<Citation> Sources { get; set; } = [];
}
