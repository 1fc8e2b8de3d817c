using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ProductionReform.Data;

public static class RegistryDatabase
{
    /// <summary>The one place that decides how the registry talks to PostgreSQL.</summary>
    public static DbContextOptionsBuilder<RegistryDbContext> Configure(DbContextOptionsBuilder<RegistryDbContext> options,
        string connectionString)
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>
    /// The model with its design-time annotations (index methods and operator classes, which the runtime model leaves out),
    /// built without a database: the schema reads which text columns have trigram indexes from it.
    /// </summary>
    public static IModel DesignModel()
    {
        using var db = new RegistryDbContext(Configure(new DbContextOptionsBuilder<RegistryDbContext>(), "").Options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    /// <summary>
    /// The connection string with the registry's defaults where it leaves them unset: statements used twice are
    /// prepared (Max Auto Prepare), so PostgreSQL plans a list query once per connection instead of per request; and
    /// a connection going back to the pool is not reset (No Reset On Close), which saves a DISCARD ALL round trip per
    /// statement. The registry sets no session state, so nothing can leak between requests; and a reset would
    /// drop the prepared statements anyway.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = 200;
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] names) =>
        names.Any(name => connectionString.Contains(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <c>ConnectionStrings:Registry</c>, else a <c>postgres://</c> URL in <c>DATABASE_URL</c>.</summary>
    public static string? ConnectionStringFrom(string? registry, string? databaseUrl)
    {
        if (!string.IsNullOrWhiteSpace(registry)) return registry;
        if (string.IsNullOrWhiteSpace(databaseUrl)) return null;
        var uri = new Uri(databaseUrl);
        var userInfo = uri.UserInfo.Split(':', 2);
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "";
        return $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Database={uri.AbsolutePath.TrimStart('/')};" +
               $"Username={Uri.UnescapeDataString(userInfo[0])};Password={password}";
    }
}
