using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Sources;

public sealed class SourceType : RegistryEntityType<Source>
{
    public SourceType() : base("Source 来源: a document the registry's facts come from.")
    {
        Scalar(x => x.Code, "Stable code of the source in this registry.");
        Scalar(x => x.Title, "Title 标题.");
        Scalar(x => x.Publisher, "Publisher 出版者, where known.");
        Scalar(x => x.Author, "Author 作者.");
        Scalar(x => x.PublishedOn, "Date of publication 发布日期, where known.");
        Scalar(x => x.PublishedYear, "Year of publication 发布年份.");
        Scalar(x => x.Kind, "Kind of source 类型.");
        Scalar(x => x.Url, "Address of the source, where public.");
        List(x => x.Citations, "Quotes of this source that the registry cites 引用.");
    }
}
