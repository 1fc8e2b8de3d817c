using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> e)
    {
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.HasIndex(x => new { x.IndicatorId, x.RegionId, x.AsOf }).IsUnique().AreNullsDistinct(false);
        e.HasOne(x => x.Indicator).WithMany(x => x.Values).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Region).WithMany(x => x.IndicatorValues).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.IndicatorValues);
    }
}
