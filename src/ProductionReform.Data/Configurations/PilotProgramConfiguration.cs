using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class PilotProgramConfiguration : IEntityTypeConfiguration<PilotProgram>
{
    public void Configure(EntityTypeBuilder<PilotProgram> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Industry).WithMany(x => x.Programs).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Documents).WithMany(x => x.Programs);
        e.HasMany(x => x.Sources).WithMany(x => x.PilotPrograms);
        e.HasTrigramIndex(x => x.Name, "ix_pilot_programs_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_pilot_programs_name_en_trgm");
    }
}
