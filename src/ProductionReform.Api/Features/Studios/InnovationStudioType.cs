using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Studios;

public sealed class InnovationStudioType : RegistryEntityType<InnovationStudio>
{
    public InnovationStudioType() : base(
        "Innovation studio or incentive scheme 创新载体: model-worker studios, studio clusters and banks such as the intellectual " +
            "property bank 知识产权银行.")
    {
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Kind, "Kind of studio or scheme 类型.").Writable();
        Reference(x => x.HostEnterprise, "Enterprise that runs it 所属企业.").Writable();
        Reference(x => x.Industry, "Industry 行业.").Writable();
        Reference(x => x.InspiredBy, "The scheme whose example led to this one 启发来源.").Writable();
        List(x => x.Inspired, "Schemes this one inspired 催生的做法.");
        Scalar(x => x.FoundedOn, "Date founded 成立日期, where known.").Writable();
        Scalar(x => x.Description, "What it does 简介, in Chinese.").Writable().Searchable(SearchWeight.Text);
        Scalar(x => x.DescriptionEn, "The same in English.").Writable().Searchable(SearchWeight.Text);
        List(x => x.Outputs, "Standards and guides it produced 成果.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Name);
        SearchedAs("Innovation studios and schemes 创新载体");
    }
}
