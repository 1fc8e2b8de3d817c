using GraphQL.Types;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features;

/// <summary>Every registry type: the data layer's entity type plus the row version clients send back on update.</summary>
public abstract class RegistryEntityType<T> : EntityGraphType<T> where T : Entity
{
    protected const string SourcesDescription = "Citations 引用: the sources and exact quotes that state this record's facts.";

    protected RegistryEntityType(string description)
    {
        Description = description;
        Scalar<uint, NonNullGraphType<LongGraphType>>(x => x.Version,
            "The row version (PostgreSQL xmin); send it back with an update to detect concurrent changes.", version => (long)version)
            .NotFilterable().NotSortable();
    }
}
