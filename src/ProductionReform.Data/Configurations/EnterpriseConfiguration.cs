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
        e.HasIndex(x => x.Name, "ix_enterprises_name_trgm").HasDatabaseName("ix_enterprises_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_enterprises_name_en_trgm").HasDatabaseName("ix_enterprises_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.Description, "ix_enterprises_description_trgm").HasDatabaseName("ix_enterprises_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.DescriptionEn, "ix_enterprises_description_en_trgm").HasDatabaseName("ix_enterprises_description_en_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
