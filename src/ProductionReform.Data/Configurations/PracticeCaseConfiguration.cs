using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class PracticeCaseConfiguration : IEntityTypeConfiguration<PracticeCase>
{
    public void Configure(EntityTypeBuilder<PracticeCase> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.HasOne(x => x.Enterprise).WithMany(x => x.Cases).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.PracticeCases);
        e.HasTrigramIndex(x => x.Title, "ix_practice_cases_title_trgm");
        e.HasTrigramIndex(x => x.TitleEn, "ix_practice_cases_title_en_trgm");
        e.HasTrigramIndex(x => x.Summary, "ix_practice_cases_summary_trgm");
    }
}
