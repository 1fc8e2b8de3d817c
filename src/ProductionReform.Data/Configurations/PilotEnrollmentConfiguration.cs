using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class PilotEnrollmentConfiguration : IEntityTypeConfiguration<PilotEnrollment>
{
    public void Configure(EntityTypeBuilder<PilotEnrollment> e)
    {
        // A firm takes part in at most one pilot group.
        e.HasIndex(x => x.EnterpriseId).IsUnique();
        e.HasOne(x => x.Enterprise).WithOne(x => x.Pilot)
            .HasForeignKey<PilotEnrollment>(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Program).WithMany(x => x.Enrollments).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Measures).WithMany(x => x.Enrollments);
    }
}
