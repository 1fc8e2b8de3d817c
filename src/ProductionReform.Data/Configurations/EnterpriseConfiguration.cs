using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

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
        e.HasTrigramIndex(x => x.Name, "ix_enterprises_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_enterprises_name_en_trgm");
        e.HasTrigramIndex(x => x.Description, "ix_enterprises_description_trgm");
        e.HasTrigramIndex(x => x.DescriptionEn, "ix_enterprises_description_en_trgm");
    }
}
