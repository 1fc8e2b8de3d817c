using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Industries;

public sealed class IndustryType : RegistryEntityType<Industry>
{
    public IndustryType() : base("Industry 行业: a pillar industry, a county's leading industry or a sub-industry.")
    {
        Plural("Industries");
        Scalar(x => x.Code, "Stable code of the industry in this registry.").Writable();
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Kind, "Role in the reform framework 行业类型 (pillar 支柱, leading 龙头, other).").Writable();
        Reference(x => x.Parent, "The broader industry 上级行业 (色织 yarn-dyed weaving lies under 纺织 textile).").Writable();
        List(x => x.Children, "Sub-industries 下级行业.");
        List(x => x.Enterprises, "Enterprises in this industry 企业.");
        List(x => x.Standards, "Skill-rating standards of this industry 技能评价标准.");
        List(x => x.Studios, "Innovation studios of this industry 创新载体.");
        List(x => x.Documents, "Policy documents for this industry 政策文件.");
        List(x => x.Programs, "Pilot programs of this industry 试点.");
        List(x => x.Occupations, "Occupations and posts of this industry 职业/岗位.");
        List(x => x.Measures, "Reform measures for this industry 措施.");
        List(x => x.TrainingPrograms, "Training systems of this industry 培训体系.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Code);
        SearchedAs("Industries 行业");
    }
}
