using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

/// <summary>Keeps a copy of every query command a request runs (its SQL and parameters), to run again apart from the layer.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    public List<NpgsqlCommand> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var copy = new NpgsqlCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters) copy.Parameters.Add(parameter.Clone());
        Commands.Add(copy);
        return ValueTask.FromResult(result);
    }
}
