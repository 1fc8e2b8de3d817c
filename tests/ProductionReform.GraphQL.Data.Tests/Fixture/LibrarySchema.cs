using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services) : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        new DataSchemaBuilder(new DataOptions(), typeof(LibraryDbContext), LibraryDbContext.DesignModel())
            .Add(new AuthorGraphType())
            .Add(new BookGraphType())
            .Build(this, query);
        Query = query;
    }
}
