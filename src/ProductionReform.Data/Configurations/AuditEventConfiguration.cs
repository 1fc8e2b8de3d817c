using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(x => x.Changes).HasColumnType("jsonb");
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => x.OccurredAt);
    }
}
