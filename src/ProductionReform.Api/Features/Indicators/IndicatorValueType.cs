using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Indicators;

public sealed class IndicatorValueType : RegistryEntityType<IndicatorValue>
{
    public IndicatorValueType() : base("Indicator value 指标数值: one reported figure, for a period or a date, with its source.")
    {
        Reference(x => x.Indicator, "The indicator 指标.");
        Scalar(x => x.Value, "The figure, in the indicator's unit 数值.");
        Scalar(x => x.PeriodStart, "First day of the period the figure covers 统计起始日.");
        Scalar(x => x.PeriodEnd, "Last day of the period the figure covers 统计截止日.");
        Scalar(x => x.AsOf, "Date the figure stands at 截至日期, where the source gives one.");
        Reference(x => x.Region, "Region the figure covers 区域.");
        List(x => x.Sources, SourcesDescription);
    }
}
