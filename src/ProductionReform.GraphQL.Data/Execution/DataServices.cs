using ProductionReform.GraphQL.Data.Filtering;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>The parts every list resolver shares, built once with the schema.</summary>
internal sealed class DataServices(ModelRegistry models, DataOptions options, Type contextType, IPastRows? past,
    IKeptCounts? keptCounts)
{
    /// <summary>The type the request's DbContext is registered as (<see cref="Database.Of"/>).</summary>
    public Type ContextType { get; } = contextType;

    /// <summary>The history <c>asOf</c> reads; null when none is kept (no list takes <c>asOf</c>).</summary>
    public IPastRows? Past { get; } = past;

    /// <summary>The counts per parent the database keeps, which unfiltered nested totalCounts read.</summary>
    public IKeptCounts? KeptCounts { get; } = keptCounts;

    public ModelRegistry Models { get; } = models;
    public DataOptions Options { get; } = options;
    public FilterTranslator Filters { get; } = new(models, options);
    public ProjectionBuilder Projections { get; } = new(models);
    public CursorCodec Cursors { get; } = new(options);

    public NodeLoader Nodes => field ??= new NodeLoader(this);
}
