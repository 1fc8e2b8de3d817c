using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary><c>bucket: { field, unit, fill }</c> of a <c>groups</c> field.</summary>
internal sealed record TimeBucketRequest(ScalarField Field, TimeUnit Unit, bool Fill);
