namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class Book
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public int Pages { get; set; }
    public DateOnly PublishedOn { get; set; }
    public BookKind Kind { get; set; }
    public List<BookFormat> Formats { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public Author? Author { get; set; }
}
