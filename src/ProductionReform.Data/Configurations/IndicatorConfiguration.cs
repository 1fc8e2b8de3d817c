using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.Name, "ix_indicators_name_trgm").HasDatabaseName("ix_indicators_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(x => x.NameEn, "ix_indicators_name_en_trgm").HasDatabaseName("ix_indicators_name_en_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
