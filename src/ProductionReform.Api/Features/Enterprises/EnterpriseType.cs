using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Enterprises;

public sealed class EnterpriseType : RegistryEntityType<Enterprise>
{
    public EnterpriseType() : base(
        "Enterprise 企业. Records with isSample = true are synthetic placeholders for pilot slots the source does not name; they " +
            "are not real firms, and their regions and employee counts are illustrative.")
    {
        Scalar(x => x.CreditCode, "Unified social credit code 统一社会信用代码 (GB 32100-2015, 18 characters with a check character); " +
            "null when unknown.");
        Scalar(x => x.Name, "Name in Chinese 企业名称.");
        Scalar(x => x.NameEn, "Name in English.");
        Reference(x => x.Industry, "Industry 行业.");
        Reference(x => x.Region, "Region where the enterprise is located 所在区域 (illustrative for sample records).");
        Scalar(x => x.ConstructionQualification, "Construction qualification grade 建筑资质 (特级 special grade …); null outside construction.");
        Scalar(x => x.EmployeeCount, "Number of employees 职工人数 (illustrative for sample records, not a fact).");
        Scalar(x => x.IsBackbone, "One of the 166 backbone enterprises 骨干企业 of the reform framework; null when the source does not say.");
        Scalar(x => x.IsSample, "True for synthetic sample records 示例数据, which stand for pilot slots the source does not name; " +
            "their regions and employee counts are illustrative. Aggregates group by it (IS_SAMPLE).");
        Scalar(x => x.Description, "Description 简介, in Chinese.");
        Scalar(x => x.DescriptionEn, "The registry's note in English.");
        Reference(x => x.Pilot, "The enterprise's pilot enrollment 试点; null if it is not a pilot.");
        List(x => x.Studios, "Innovation studios hosted by the enterprise 创新载体.");
        List(x => x.StandardsIssued, "Skill-rating standards the enterprise issued 技能评价标准.");
        List(x => x.Cases, "Practice cases of the enterprise 典型案例.");
        List(x => x.TrainingPrograms, "Training systems of the enterprise 培训体系.");
        List(x => x.Sources, SourcesDescription);
    }
}
