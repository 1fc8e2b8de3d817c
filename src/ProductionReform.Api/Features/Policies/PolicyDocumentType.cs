using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Policies;

public sealed class PolicyDocumentType : RegistryEntityType<PolicyDocument>
{
    public PolicyDocumentType() : base("Policy document 政策文件 of the reform.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题, e.g. 《推进纺织行业产改工作十条措施》.");
        Scalar(x => x.TitleEn, "Title in English.");
        Scalar(x => x.Kind, "Kind of document 文件类型.");
        Scalar(x => x.Issuer, "Issuing body 发文单位, where the source names it.");
        Scalar(x => x.IssuedOn, "Date of issue 发文日期, where known.");
        Reference(x => x.Industry, "Industry the document addresses 行业.");
        List(x => x.Measures, "Measures the document sets out 措施.");
        List(x => x.Programs, "Pilot programs the document serves 试点.");
        List(x => x.Sources, SourcesDescription);
    }
}
