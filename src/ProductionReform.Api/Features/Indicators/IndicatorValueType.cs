using ProductionReform.Api.Mutations;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Indicators;

public sealed class IndicatorValueType : RegistryEntityType<IndicatorValue>
{
    public IndicatorValueType() : base("Indicator value 指标数值: one reported figure, for a period or a date, with its source.")
    {
        Reference(x => x.Indicator, "The indicator 指标.").Writable();
        Scalar(x => x.Value, "The figure, in the indicator's unit 数值.").Writable(w => w.Required());
        Scalar(x => x.Qualifier,
                "How exactly the source states the figure 数值限定: EXACT, APPROXIMATE (近/约) or AT_LEAST (多/以上).")
            .Writable(w => w.Required(false).Describe("How exactly the source states the figure; EXACT when left out on create."));
        Scalar(x => x.PeriodStart, "First day of the period the figure covers 统计起始日.").Writable();
        Scalar(x => x.PeriodEnd, "Last day of the period the figure covers 统计截止日; null when the source does not state it.")
            .Writable();
        Scalar(x => x.IsYearToDate, "True for a year-to-date figure (截至目前, 今年已): " +
            "from periodStart to an unstated day of that year, so periodEnd is null.").Writable();
        Scalar(x => x.AsOf, "Date the figure stands at 截至日期, where the source gives one.").Writable();
        Reference(x => x.Region, "Region the figure covers 区域.").Writable();
        Cited(x => x.Sources);
        NaturalKey(x => x.Indicator, x => x.Region, x => x.AsOf);
        Mutations
            .Ordered(x => x.PeriodStart, x => x.PeriodEnd)
            .Rule((context, value) =>
            {
                if (value.IsYearToDate && value.PeriodEnd is not null)
                    context.Error("periodEnd", MutationCodes.InvalidRange,
                        "A year-to-date figure ('isYearToDate': true) has no stated end: leave 'periodEnd' null.");
            });
    }
}
