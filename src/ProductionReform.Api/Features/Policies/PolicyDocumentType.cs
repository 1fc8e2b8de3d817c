using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Policies;

public sealed class PolicyDocumentType : RegistryEntityType<PolicyDocument>
{
    public PolicyDocumentType() : base("Policy document 政策文件 of the reform.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题, e.g. 《推进纺织行业产改工作十条措施》.")
            .Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.TitleEn, "Title in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Kind, "Kind of document 文件类型.").Writable();
        Scalar(x => x.Issuer, "Issuing body 发文单位, where the source names it.").Writable();
        Scalar(x => x.IssuedOn, "Date of issue 发文日期, where known.").Writable();
        Reference(x => x.Industry, "Industry the document addresses 行业.").Writable();
        List(x => x.Measures, "Measures the document sets out 措施.");
        List(x => x.Programs, "Pilot programs the document serves 试点.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Title);
        SearchedAs("Policy documents 政策文件");
    }
}
