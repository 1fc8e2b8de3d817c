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
        e.HasTrigramIndex(x => x.Name, "ix_regions_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_regions_name_en_trgm");
    }
}
