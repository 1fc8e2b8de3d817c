using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Standards;

public sealed class OccupationType : RegistryEntityType<Occupation>
{
    public OccupationType() : base("Occupation, post or job type 职业/岗位/工种.")
    {
        Scalar(x => x.Code, "National occupational classification code 职业分类代码, when known.").Writable();
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Reference(x => x.Industry, "Industry 行业.").Writable();
        List(x => x.Standards, "Skill-rating standards that cover it 技能评价标准.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Name);
        SearchedAs("Occupations, posts and job types 职业/岗位/工种");
    }
}
