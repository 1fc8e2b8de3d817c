using System.Linq.Expressions;
using System.Reflection;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>One mutation call: its input as GraphQL.NET coerced it (only the fields the client gave) and the request's services.</summary>
public sealed class MutationRequest
{
    public required IReadOnlyDictionary<string, object?> Input { get; init; }
    public required RegistryDbContext Db { get; init; }
    public CancellationToken CancellationToken { get; init; }
}
