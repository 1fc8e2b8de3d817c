using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class AuthorGraphType : EntityGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Plural("Authors");
        Scalar(x => x.Name, "The author's name.");
        List(x => x.Books, "The books the author wrote.");
    }
}
