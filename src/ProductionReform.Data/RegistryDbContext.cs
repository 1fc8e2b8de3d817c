using Microsoft.EntityFrameworkCore;
using ProductionReform.Data.Configurations;
using ProductionReform.Data.Counting;
using ProductionReform.Domain;

namespace ProductionReform.Data;

public class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<PilotProgram> PilotPrograms => Set<PilotProgram>();
    public DbSet<PilotEnrollment> PilotEnrollments => Set<PilotEnrollment>();
    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();
    public DbSet<ReformMeasure> ReformMeasures => Set<ReformMeasure>();
    public DbSet<SkillStandard> SkillStandards => Set<SkillStandard>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<InnovationStudio> InnovationStudios => Set<InnovationStudio>();
    public DbSet<TrainingProgram> TrainingPrograms => Set<TrainingProgram>();
    public DbSet<PracticeCase> PracticeCases => Set<PracticeCase>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums are stored as their public SCREAMING_SNAKE_CASE names, the same text the schema shows.
        foreach (var enumType in typeof(Entity).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            configuration.Properties(enumType)
                .HaveConversion(typeof(ScreamingSnakeEnumConverter<>).MakeGenericType(enumType))
                .UseCollation("C");
        }
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("pg_trgm");
        model.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
        model.HasChildPageIndexes();
        // Created and written by the kept counts' SQL (a migration and triggers), read by queries.
        model.Entity<KeptCount>().HasNoKey().ToTable(KeptCounts.Table, table => table.ExcludeFromMigrations());

        foreach (var entityType in model.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            model.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsRowVersion();
        }
    }
}
