using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Standards;

public sealed class SkillStandardType : RegistryEntityType<SkillStandard>
{
    public SkillStandardType() : base("Skill-rating standard 技能评价标准: who issues it, by which evaluation channel, for which levels and posts.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题.");
        Scalar(x => x.TitleEn, "Title in English.");
        Scalar(x => x.IssuerName, "Issuer as the source names it 发布单位 (an enterprise, association, school, subdistrict or government body).");
        Reference(x => x.IssuerEnterprise, "Issuing enterprise 发布企业, when the issuer is one.");
        Reference(x => x.IssuerRegion, "Issuing division 发布区域, when the issuer is a subdistrict or government body.");
        Reference(x => x.ProducedByStudio, "Innovation studio that wrote the standard 编写的创新载体.");
        Scalar(x => x.Channel, "Evaluation channel 评价渠道, where the source states it.");
        Reference(x => x.Industry, "Industry or trade 行业.");
        Scalar(x => x.Levels, "Skill levels the standard covers 技能等级.");
        Scalar(x => x.PostCount, "Number of posts and job types covered 涉及岗位和工种数.");
        Scalar(x => x.PublishedOn, "Date of publication 发布日期, where known.");
        List(x => x.Occupations, "Occupations and posts covered 职业/岗位.");
        List(x => x.Sources, SourcesDescription);
    }
}
