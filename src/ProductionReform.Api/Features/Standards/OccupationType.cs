using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Standards;

public sealed class OccupationType : RegistryEntityType<Occupation>
{
    public OccupationType() : base("Occupation, post or job type 职业/岗位/工种.")
    {
        Scalar(x => x.Code, "National occupational classification code 职业分类代码, when known.");
        Scalar(x => x.Name, "Name in Chinese 名称.");
        Scalar(x => x.NameEn, "Name in English.");
        Reference(x => x.Industry, "Industry 行业.");
        List(x => x.Standards, "Skill-rating standards that cover it 技能评价标准.");
        List(x => x.Sources, SourcesDescription);
    }
}
