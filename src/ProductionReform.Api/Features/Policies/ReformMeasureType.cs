using ProductionReform.Api.Mutations;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Policies;

public sealed class ReformMeasureType : RegistryEntityType<ReformMeasure>
{
    public ReformMeasureType() : base("Reform measure 措施 stated by the source.")
    {
        Scalar(x => x.Code, "Stable code of the measure in this registry.").Writable();
        Reference(x => x.Document, "The document that sets out the measure 政策文件; null when the source names none.").Writable();
        Reference(x => x.Industry, "Industry the measure addresses 行业.").Writable();
        Scalar(x => x.Ordinal, "Number of the measure within its document 序号.").Writable(w => w.Minimum(1));
        Scalar(x => x.Title, "Title in Chinese 标题, e.g. 工学一体化.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.TitleEn, "Title in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Description, "What the measure does 内容.").Writable().Searchable(SearchWeight.Text);
        List(x => x.Enrollments, "Pilot enrollments that adopted the measure 采用的试点企业.");
        Cited(x => x.Sources);
        NaturalKey(x => x.Code);
        SearchedAs("Reform measures 措施");
    }
}
