using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Cases;

public sealed class PracticeCaseType : RegistryEntityType<PracticeCase>
{
    public PracticeCaseType() : base("Practice case 典型案例 of the reform.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.TitleEn, "Title in English.").Writable().Searchable(SearchWeight.Label);
        Reference(x => x.Enterprise, "Enterprise of the case 企业.").Writable();
        Scalar(x => x.Summary, "Summary 摘要.").Writable().Searchable(SearchWeight.Text);
        Scalar(x => x.Recognition, "Recognition received 荣誉, e.g. 入选全省党建工作案例.").Writable();
        Cited(x => x.Sources);
        NaturalKey(x => x.Title);
        SearchedAs("Practice cases 典型案例");
    }
}
