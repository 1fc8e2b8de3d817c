using ProductionReform.Api.Mutations;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features;

/// <summary>Untyped view of <see cref="RegistryEntityType{T}"/> for the schema: the entity's mutations.</summary>
public interface IRegistryEntityType : IEntityGraphType
{
    IEntityMutations Mutations { get; }
}
