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
        e.HasIndex(x => x.Title, "ix_reform_measures_title_trgm").HasDatabaseName("ix_reform_measures_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.TitleEn, "ix_reform_measures_title_en_trgm").HasDatabaseName("ix_reform_measures_title_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_reform_measures_description_trgm").HasDatabaseName("ix_reform_measures_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
