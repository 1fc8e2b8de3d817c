using GraphQL.Types;

namespace ProductionReform.Api.Features.Sources;

/// <summary><c>type FieldProvenance { field: String! citation: Citation! }</c>.</summary>
public sealed class FieldProvenanceType : ObjectGraphType<FieldProvenance>
{
    public FieldProvenanceType()
    {
        Name = "FieldProvenance";
        Description = "A field of the record 字段来源 and a citation whose quote states its value.";
        Field(x => x.Field).Description("The field (as named in the schema) whose value the quote states.");
        Field("citation", new NonNullGraphType(new GraphQLTypeReference("Citation")))
            .Description("The citation: its exact quote and source.")
            .Resolve(context => context.Source.Citation);
    }
}
