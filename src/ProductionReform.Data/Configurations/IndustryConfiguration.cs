using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.Parent).WithMany(x => x.Children).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.Industries);
        e.HasTrigramIndex(x => x.Name, "ix_industries_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_industries_name_en_trgm");
    }
}
