using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasTrigramIndex(x => x.Name, "ix_indicators_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_indicators_name_en_trgm");
    }
}
