using Microsoft.EntityFrameworkCore;

namespace ProductionReform.Data;

public static class RegistryDatabase
{
    /// <summary>The one place that decides how the registry talks to PostgreSQL.</summary>
    public static DbContextOptionsBuilder<RegistryDbContext> Configure(DbContextOptionsBuilder<RegistryDbContext> options, string connectionString)
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>Reads <c>ConnectionStrings:Registry</c>, else a <c>postgres://</c> URL in <c>DATABASE_URL</c>.</summary>
    public static string? ConnectionStringFrom(string? registry, string? databaseUrl)
    {
        if (!string.IsNullOrWhiteSpace(registry)) return registry;
        if (string.IsNullOrWhiteSpace(databaseUrl)) return null;
        var uri = new Uri(databaseUrl);
        var userInfo = uri.UserInfo.Split(':', 2);
        return $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Database={uri.AbsolutePath.TrimStart('/')};" +
               $"Username={Uri.UnescapeDataString(userInfo[0])};Password={(userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "")}";
    }
}
