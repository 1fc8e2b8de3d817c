using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

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
        e.HasTrigramIndex(x => x.Title, "ix_skill_standards_title_trgm");
        e.HasTrigramIndex(x => x.TitleEn, "ix_skill_standards_title_en_trgm");
    }
}
