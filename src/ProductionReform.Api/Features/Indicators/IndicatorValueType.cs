using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Indicators;

public sealed class IndicatorValueType : RegistryEntityType<IndicatorValue>
{
    public IndicatorValueType() : base("Indicator value 指标数值: one reported figure, for a period or a date, with its source.")
    {
        Reference(x => x.Indicator, "The indicator 指标.");
        Scalar(x => x.Value, "The figure, in the indicator's unit 数值.");
        Scalar(x => x.Qualifier, "How exactly the source states the figure 数值限定: EXACT, APPROXIMATE (近/约) or AT_LEAST (多/以上).");
        Scalar(x => x.PeriodStart, "First day of the period the figure covers 统计起始日.");
        Scalar(x => x.PeriodEnd, "Last day of the period the figure covers 统计截止日; null when the source does not state it.");
        Scalar(x => x.IsYearToDate, "True for a year-to-date figure (截至目前, 今年已): from periodStart to an unstated day of that " +
            "year, so periodEnd is null.");
        Scalar(x => x.AsOf, "Date the figure stands at 截至日期, where the source gives one.");
        Reference(x => x.Region, "Region the figure covers 区域.");
        List(x => x.Sources, SourcesDescription);
    }
}
