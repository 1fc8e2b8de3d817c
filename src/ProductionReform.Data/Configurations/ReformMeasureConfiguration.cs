using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class ReformMeasureConfiguration : IEntityTypeConfiguration<ReformMeasure>
{
    public void Configure(EntityTypeBuilder<ReformMeasure> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Document).WithMany(x => x.Measures).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.Measures).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.ReformMeasures);
        e.HasTrigramIndex(x => x.Title, "ix_reform_measures_title_trgm");
        e.HasTrigramIndex(x => x.TitleEn, "ix_reform_measures_title_en_trgm");
        e.HasTrigramIndex(x => x.Description, "ix_reform_measures_description_trgm");
    }
}
