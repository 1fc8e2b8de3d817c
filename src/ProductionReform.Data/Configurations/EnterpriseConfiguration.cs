using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Parent).WithMany(x => x.Children).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Regions);
        // Trigram (pg_trgm) GIN indexes serve search: ILIKE '%…%' and similarity, in Chinese and English.
        e.HasIndex(x => x.Name, "ix_regions_name_trgm").HasDatabaseName("ix_regions_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_regions_name_en_trgm").HasDatabaseName("ix_regions_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.Parent).WithMany(x => x.Children).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Industries);
        e.HasIndex(x => x.Name, "ix_industries_name_trgm").HasDatabaseName("ix_industries_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_industries_name_en_trgm").HasDatabaseName("ix_industries_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> e)
    {
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength(false);
        e.HasIndex(x => x.CreditCode).IsUnique();
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.IsSample);
        e.HasOne(x => x.Industry).WithMany(x => x.Enterprises).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Region).WithMany(x => x.Enterprises).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Enterprises);
        e.HasIndex(x => x.Name, "ix_enterprises_name_trgm").HasDatabaseName("ix_enterprises_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_enterprises_name_en_trgm").HasDatabaseName("ix_enterprises_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_enterprises_description_trgm").HasDatabaseName("ix_enterprises_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.DescriptionEn, "ix_enterprises_description_en_trgm").HasDatabaseName("ix_enterprises_description_en_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class PilotProgramConfiguration : IEntityTypeConfiguration<PilotProgram>
{
    public void Configure(EntityTypeBuilder<PilotProgram> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Industry).WithMany(x => x.Programs).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Documents).WithMany(x => x.Programs);
        e.HasMany(x => x.Sources).WithMany(x => x.PilotPrograms);
        e.HasIndex(x => x.Name, "ix_pilot_programs_name_trgm").HasDatabaseName("ix_pilot_programs_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_pilot_programs_name_en_trgm").HasDatabaseName("ix_pilot_programs_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class PilotEnrollmentConfiguration : IEntityTypeConfiguration<PilotEnrollment>
{
    public void Configure(EntityTypeBuilder<PilotEnrollment> e)
    {
        // A firm takes part in at most one pilot group.
        e.HasIndex(x => x.EnterpriseId).IsUnique();
        e.HasOne(x => x.Enterprise).WithOne(x => x.Pilot).HasForeignKey<PilotEnrollment>(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Program).WithMany(x => x.Enrollments).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Measures).WithMany(x => x.Enrollments);
    }
}

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.HasOne(x => x.Industry).WithMany(x => x.Documents).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.PolicyDocuments);
        e.HasIndex(x => x.Title, "ix_policy_documents_title_trgm").HasDatabaseName("ix_policy_documents_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.TitleEn, "ix_policy_documents_title_en_trgm").HasDatabaseName("ix_policy_documents_title_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class ReformMeasureConfiguration : IEntityTypeConfiguration<ReformMeasure>
{
    public void Configure(EntityTypeBuilder<ReformMeasure> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Document).WithMany(x => x.Measures).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.Measures).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.ReformMeasures);
        e.HasIndex(x => x.Title, "ix_reform_measures_title_trgm").HasDatabaseName("ix_reform_measures_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.TitleEn, "ix_reform_measures_title_en_trgm").HasDatabaseName("ix_reform_measures_title_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_reform_measures_description_trgm").HasDatabaseName("ix_reform_measures_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class SkillStandardConfiguration : IEntityTypeConfiguration<SkillStandard>
{
    public void Configure(EntityTypeBuilder<SkillStandard> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.PrimitiveCollection(x => x.Levels).ElementType().HasConversion<ScreamingSnakeEnumConverter<SkillLevel>>();
        e.HasOne(x => x.IssuerEnterprise).WithMany(x => x.StandardsIssued).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.IssuerRegion).WithMany(x => x.StandardsIssued).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ProducedByStudio).WithMany(x => x.Outputs).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.Standards).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Occupations).WithMany(x => x.Standards);
        e.HasMany(x => x.Sources).WithMany(x => x.SkillStandards);
        e.HasIndex(x => x.Title, "ix_skill_standards_title_trgm").HasDatabaseName("ix_skill_standards_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.TitleEn, "ix_skill_standards_title_en_trgm").HasDatabaseName("ix_skill_standards_title_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.Code);
        e.HasOne(x => x.Industry).WithMany(x => x.Occupations).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Occupations);
        e.HasIndex(x => x.Name, "ix_occupations_name_trgm").HasDatabaseName("ix_occupations_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_occupations_name_en_trgm").HasDatabaseName("ix_occupations_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class InnovationStudioConfiguration : IEntityTypeConfiguration<InnovationStudio>
{
    public void Configure(EntityTypeBuilder<InnovationStudio> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasOne(x => x.HostEnterprise).WithMany(x => x.Studios).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.Studios).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.InspiredBy).WithMany(x => x.Inspired).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.InnovationStudios);
        e.HasIndex(x => x.Name, "ix_innovation_studios_name_trgm").HasDatabaseName("ix_innovation_studios_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_innovation_studios_name_en_trgm").HasDatabaseName("ix_innovation_studios_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_innovation_studios_description_trgm").HasDatabaseName("ix_innovation_studios_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.DescriptionEn, "ix_innovation_studios_description_en_trgm").HasDatabaseName("ix_innovation_studios_description_en_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasOne(x => x.Enterprise).WithMany(x => x.TrainingPrograms).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.TrainingPrograms).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.TrainingPrograms);
        e.HasIndex(x => x.Name, "ix_training_programs_name_trgm").HasDatabaseName("ix_training_programs_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_training_programs_name_en_trgm").HasDatabaseName("ix_training_programs_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_training_programs_description_trgm").HasDatabaseName("ix_training_programs_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class PracticeCaseConfiguration : IEntityTypeConfiguration<PracticeCase>
{
    public void Configure(EntityTypeBuilder<PracticeCase> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.HasOne(x => x.Enterprise).WithMany(x => x.Cases).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.PracticeCases);
        e.HasIndex(x => x.Title, "ix_practice_cases_title_trgm").HasDatabaseName("ix_practice_cases_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.TitleEn, "ix_practice_cases_title_en_trgm").HasDatabaseName("ix_practice_cases_title_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Summary, "ix_practice_cases_summary_trgm").HasDatabaseName("ix_practice_cases_summary_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.Name, "ix_indicators_name_trgm").HasDatabaseName("ix_indicators_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_indicators_name_en_trgm").HasDatabaseName("ix_indicators_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> e)
    {
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.HasIndex(x => new { x.IndicatorId, x.RegionId, x.AsOf }).IsUnique().AreNullsDistinct(false);
        e.HasOne(x => x.Indicator).WithMany(x => x.Values).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Region).WithMany(x => x.IndicatorValues).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.IndicatorValues);
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Source).WithMany(x => x.Citations).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Quote, "ix_citations_quote_trgm").HasDatabaseName("ix_citations_quote_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.HasIndex(x => x.Prefix).IsUnique();
        e.HasIndex(x => x.Name);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(x => x.Changes).HasColumnType("jsonb");
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => x.OccurredAt);
    }
}
