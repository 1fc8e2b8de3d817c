using System.Linq.Expressions;
using GraphQL.Types;
using ProductionReform.Api.Mutations;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features;

/// <summary>
/// Every registry type: THE declaration of one entity. Its fields (with GraphQL names and descriptions, which are
/// writable and how they validate, which are searched), natural key and rules give the GraphQL type, the mutations,
/// the CSV import and export columns and the search targets. It adds the row version clients send back on update.
/// </summary>
public abstract class RegistryEntityType<T> : EntityGraphType<T>, IRegistryEntityType where T : Entity
{
    private const string SourcesDescription = "Citations 引用: the sources and exact quotes that state this record's facts.";
    private const string SourceIdsDescription =
        "Global ids of the citations 引用 that state this record's facts; replaces the whole set.";

    protected RegistryEntityType(string description)
    {
        Description = description;
        Mutations = new EntityMutations<T>(Model);
        Scalar<uint, NonNullGraphType<LongGraphType>>(x => x.Version,
            "The row version (PostgreSQL xmin); send it back with an update to detect concurrent changes.", version => (long)version)
            .NotFilterable().NotSortable();
    }

    /// <summary>The entity's mutations; the declaration adds its flags and rules here.</summary>
    public EntityMutations<T> Mutations { get; }

    IEntityMutations IRegistryEntityType.Mutations => Mutations;

    /// <summary>The citations that state the record's facts: listed, and set by writers as <c>sourceIds</c>.</summary>
    protected FieldOptions Cited(Expression<Func<T, IEnumerable<Citation>>> sources) =>
        List(sources, SourcesDescription).Writable(w => w.Describe(SourceIdsDescription));
}
