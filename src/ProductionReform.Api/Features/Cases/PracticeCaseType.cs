using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Cases;

public sealed class PracticeCaseType : RegistryEntityType<PracticeCase>
{
    public PracticeCaseType() : base("Practice case 典型案例 of the reform.")
    {
        Scalar(x => x.Title, "Title in Chinese 标题.");
        Scalar(x => x.TitleEn, "Title in English.");
        Reference(x => x.Enterprise, "Enterprise of the case 企业.");
        Scalar(x => x.Summary, "Summary 摘要.");
        Scalar(x => x.Recognition, "Recognition received 荣誉, e.g. 入选全省党建工作案例.");
        List(x => x.Sources, SourcesDescription);
    }
}
