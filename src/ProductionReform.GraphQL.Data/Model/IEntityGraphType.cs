using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>Untyped view of <see cref="EntityGraphType{T}"/> for the schema builder.</summary>
public interface IEntityGraphType : IObjectGraphType
{
    EntityModel Model { get; }
}
