using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Source).WithMany(x => x.Citations).OnDelete(DeleteBehavior.Restrict);
        e.HasTrigramIndex(x => x.Quote, "ix_citations_quote_trgm");
    }
}
