using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Regions;

public sealed class RegionType : RegistryEntityType<Region>
{
    public RegionType() : base("Region 区域: a division of Nantong's administrative and reform geography.")
    {
        Scalar(x => x.Code, "Administrative division code 行政区划代码 (GB/T 2260, as in the Ministry of Civil Affairs' 2023 list) " +
            "where known, else null.").Writable();
        Scalar(x => x.Name, "Name in Chinese 名称, as in the source.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Kind, "Kind of division 区域类型 (AGGREGATE_AREA for an area of several divisions, such as 市区).").Writable();
        Scalar(x => x.Description, "What the source says of the region 简介, in Chinese.").Writable();
        Scalar(x => x.DescriptionEn, "The same in English.").Writable();
        Reference(x => x.Parent, "The division this one belongs to 上级区域; null for Nantong 南通市.").Writable();
        List(x => x.Children, "Divisions within this one 下级区域.");
        List(x => x.Enterprises, "Enterprises located here 企业.");
        List(x => x.StandardsIssued, "Skill-rating standards issued by this division 发布的技能评价标准.");
        List(x => x.IndicatorValues, "Indicator values reported for this division 指标数值.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Name);
        SearchedAs("Regions 区域");
    }
}
