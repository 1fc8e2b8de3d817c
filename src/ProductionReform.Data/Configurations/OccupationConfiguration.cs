using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.Code);
        e.HasOne(x => x.Industry).WithMany(x => x.Occupations).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Occupations);
        e.HasTrigramIndex(x => x.Name, "ix_occupations_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_occupations_name_en_trgm");
    }
}
