using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProductionReform.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the API.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args) =>
        new(RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(),
            "Host=127.0.0.1;Port=55432;Username=reform;Password=reform;Database=reform").Options);
}
