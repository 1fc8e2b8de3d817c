using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.HasOne(x => x.Enterprise).WithMany(x => x.TrainingPrograms).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Industry).WithMany(x => x.TrainingPrograms).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.TrainingPrograms);
        e.HasTrigramIndex(x => x.Name, "ix_training_programs_name_trgm");
        e.HasTrigramIndex(x => x.NameEn, "ix_training_programs_name_en_trgm");
        e.HasTrigramIndex(x => x.Description, "ix_training_programs_description_trgm");
    }
}
