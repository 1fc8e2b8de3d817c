using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class BookGraphType : EntityGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Plural("Books");
        Scalar(x => x.Title, "The title.");
        Scalar(x => x.Pages, "The number of pages.");
        Scalar(x => x.PublishedOn, "The day of publication.");
        Scalar(x => x.Kind, "The kind of book.");
        Scalar(x => x.Formats, "The formats it is sold in.");
        Scalar(x => x.Tags, "Free keywords.");
        Reference(x => x.Author, "Who wrote it.");
    }
}
