namespace ProductionReform.Domain;

public class IndicatorValue : Entity, ICited
{
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public decimal Value { get; set; }
    /// <summary>Whether the source states the figure exactly, as nearly (近/约) or as a lower bound (多/以上).</summary>
    public ValueQualifier Qualifier { get; set; }
    public DateOnly? PeriodStart { get; set; }
    /// <summary>Null when the source does not state the end, as for a year-to-date figure.</summary>
    public DateOnly? PeriodEnd { get; set; }
    /// <summary>The figure runs from <see cref="PeriodStart"/> to an unstated day of the same year (截至目前, 今年已).</summary>
    public bool IsYearToDate { get; set; }
    public DateOnly? AsOf { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public ICollection<Citation> Sources { get; set; } = [];
}
