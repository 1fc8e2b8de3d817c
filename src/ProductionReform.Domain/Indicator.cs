namespace ProductionReform.Domain;

public class Indicator : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string Unit { get; set; }
    public ICollection<IndicatorValue> Values { get; set; } = [];
}
