using GraphQL.Types;

namespace ProductionReform.Api.Features.Linkages;

internal static class LinkFieldTypes
{
    /// <summary>A non-null list of a type named by reference (Node, Citation), which the data layer registers.</summary>
    public static FieldType ListOf(string typeName, string name, string description, Func<object, object?> read) => new()
    {
        Name = name,
        Description = description,
        ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(typeName)))),
        Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(context => read(context.Source!)),
    };
}
