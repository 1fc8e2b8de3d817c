using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Indicators;

public sealed class IndicatorType : RegistryEntityType<Indicator>
{
    public IndicatorType() : base("Indicator 指标: a published figure of the reform and of the unions' work.")
    {
        Scalar(x => x.Code, "Stable code of the indicator in this registry.").Writable();
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Unit, "Unit 单位 (人次, 家, 个, 万元, 人, 场 …).").Writable();
        List(x => x.Values, "Reported values 指标数值.");
        NaturalKey(x => x.Code);
        SearchedAs("Indicators 指标");
    }
}
