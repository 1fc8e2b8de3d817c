namespace ProductionReform.GraphQL.Data.Tests.Fixture;

// A small model of its own, so the generic layer is proven apart from the registry's domain.
public sealed class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Book> Books { get; set; } = [];
}
