using ProductionReform.Api.Mutations;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Sources;

public sealed class SourceType : RegistryEntityType<Source>
{
    public SourceType() : base("Source 来源: a document the registry's facts come from.")
    {
        Scalar(x => x.Code, "Stable code of the source in this registry.").Writable();
        Scalar(x => x.Title, "Title 标题.").Writable();
        Scalar(x => x.Publisher, "Publisher 出版者, where known.").Writable();
        Scalar(x => x.Author, "Author 作者.").Writable();
        Scalar(x => x.PublishedOn, "Date of publication 发布日期, where known.").Writable();
        Scalar(x => x.PublishedYear, "Year of publication 发布年份.").Writable(w => w.Minimum(1900));
        Scalar(x => x.Kind, "Kind of source 类型.").Writable();
        Scalar(x => x.Url, "Address of the source, where public.").Writable();
        List(x => x.Citations, "Quotes of this source that the registry cites 引用.");
        NaturalKey(x => x.Code);
        Mutations.Rule((context, source) =>
        {
            if (source.PublishedOn is { } on && source.PublishedYear is { } year && on.Year != year)
                context.Error("publishedYear", MutationCodes.InvalidRange,
                    $"'publishedYear' ({year}) must be the year of 'publishedOn' ({on:yyyy-MM-dd}).");
        });
    }
}
