using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary><c>interface Node { id: ID! }</c>: every entity type implements it.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A record with a global id (Relay object identification).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id.");
    }
}
