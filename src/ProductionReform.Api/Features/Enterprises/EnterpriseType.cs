using ProductionReform.Api.Mutations;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Enterprises;

public sealed class EnterpriseType : RegistryEntityType<Enterprise>
{
    public EnterpriseType() : base(
        "Enterprise 企业. Records with isSample = true are synthetic placeholders for pilot slots the source does not name; they " +
            "are not real firms, and their regions and employee counts are illustrative.")
    {
        Scalar(x => x.CreditCode, "Unified social credit code 统一社会信用代码 " +
            "(GB 32100-2015, 18 characters with a check character); null when unknown.")
            .Writable(w => w
                .Describe("Unified social credit code 统一社会信用代码 (GB 32100-2015): " +
                    "18 characters, the last a check character; lower case is accepted and stored upper case.")
                .Normalize(value => ((string)value).Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null)
                .Check(value => CheckCreditCode((string)value)));
        Scalar(x => x.Name, "Name in Chinese 企业名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Reference(x => x.Industry, "Industry 行业.").Writable();
        Reference(x => x.Region, "Region where the enterprise is located 所在区域 (illustrative for sample records).").Writable();
        Scalar(x => x.ConstructionQualification,
                "Construction qualification grade 建筑资质 (特级 special grade …); null outside construction.")
            .Writable();
        Scalar(x => x.EmployeeCount, "Number of employees 职工人数 (illustrative for sample records, not a fact).")
            .Writable(w => w.Minimum(0));
        Scalar(x => x.IsBackbone,
                "One of the 166 backbone enterprises 骨干企业 of the reform framework; null when the source does not say.")
            .Writable();
        Scalar(x => x.IsSample, "True for synthetic sample records 示例数据, which stand for pilot slots the source does not name; " +
            "their regions and employee counts are illustrative. Aggregates group by it (IS_SAMPLE).")
            .Writable(w => w.Describe("True only for synthetic placeholder records; real firms leave it out (false)."));
        Scalar(x => x.Description, "Description 简介, in Chinese.").Writable().Searchable(SearchWeight.Text);
        Scalar(x => x.DescriptionEn, "The registry's note in English.").Writable().Searchable(SearchWeight.Text);
        Reference(x => x.Pilot, "The enterprise's pilot enrollment 试点; null if it is not a pilot.");
        List(x => x.Studios, "Innovation studios hosted by the enterprise 创新载体.");
        List(x => x.StandardsIssued, "Skill-rating standards the enterprise issued 技能评价标准.");
        List(x => x.Cases, "Practice cases of the enterprise 典型案例.");
        List(x => x.TrainingPrograms, "Training systems of the enterprise 培训体系.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Name);
        SearchedAs("Enterprises 企业");
    }

    private static (string Code, string Message)? CheckCreditCode(string code)
    {
        if (CreditCode.IsValid(code)) return null;
        if (code.Length != 18)
            return (MutationCodes.InvalidFormat, $"A credit code has 18 characters; '{code}' has {code.Length}.");
        if (code.FirstOrDefault(c => !CreditCode.Alphabet.Contains(c)) is var bad and not '\0')
            return (MutationCodes.InvalidFormat,
                $"'{bad}' cannot appear in a credit code (GB 32100-2015 uses 0-9 and A-Y without I, O, S, V, Z).");
        return (MutationCodes.InvalidFormat,
            $"The check character of '{code}' should be '{CreditCode.CheckCharacter(code.AsSpan(0, 17))}', " +
            $"not '{code[17]}' (GB 32100-2015).");
    }
}
