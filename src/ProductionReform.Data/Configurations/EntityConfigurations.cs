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
    }
}

internal sealed class PracticeCaseConfiguration : IEntityTypeConfiguration<PracticeCase>
{
    public void Configure(EntityTypeBuilder<PracticeCase> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.HasOne(x => x.Enterprise).WithMany(x => x.Cases).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.PracticeCases);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
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
    }
}
