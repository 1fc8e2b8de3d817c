using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class InnovationStudioConfiguration : IEntityTypeConfiguration<InnovationStudio>
{
    public void Configure(EntityTypeBuilder<InnovationStudio> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasOne(x => x.HostEnterprise).WithMany(x => x.Studios).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.Studios).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.InspiredBy).WithMany(x => x.Inspired).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.InnovationStudios);
        e.HasTrigramIndex(x => x.Name, "ix_innovation_studios_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_innovation_studios_name_en_trgm");
        e.HasTrigramIndex(x => x.Description, "ix_innovation_studios_description_trgm");
        e.HasTrigramIndex(x => x.DescriptionEn, "ix_innovation_studios_description_en_trgm");
    }
}
