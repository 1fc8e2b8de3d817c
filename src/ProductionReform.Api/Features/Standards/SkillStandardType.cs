using ProductionReform.Api.Mutations;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Standards;

public sealed class SkillStandardType : RegistryEntityType<SkillStandard>
{
    public SkillStandardType() : base(
        "Skill-rating standard 技能评价标准: who issues it, by which evaluation channel, for which levels and posts.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.TitleEn, "Title in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.IssuerName, "Issuer as the source names it 发布单位 (an enterprise, association, school, " +
            "subdistrict or government body).")
            .Writable();
        Reference(x => x.IssuerEnterprise, "Issuing enterprise 发布企业, when the issuer is one.").Writable();
        Reference(x => x.IssuerRegion, "Issuing division 发布区域, when the issuer is a subdistrict or government body.").Writable();
        Reference(x => x.ProducedByStudio, "Innovation studio that wrote the standard 编写的创新载体.").Writable();
        Scalar(x => x.Channel, "Evaluation channel 评价渠道, where the source states it.").Writable();
        Reference(x => x.Industry, "Industry or trade 行业.").Writable();
        Scalar(x => x.Levels, "Skill levels the standard covers 技能等级.").Writable();
        Scalar(x => x.PostCount, "Number of posts and job types covered 涉及岗位和工种数.").Writable(w => w.Minimum(0));
        Scalar(x => x.PublishedOn, "Date of publication 发布日期, where known.").Writable();
        List(x => x.Occupations, "Occupations and posts covered 职业/岗位.").Writable();
        Cited(x => x.Sources);
        NaturalKey(x => x.Title);
        SearchedAs("Skill-rating standards 技能评价标准");
    }
}
