using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductionReform.Domain;

namespace ProductionReform.Data.Configurations;

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> e)
    {
        e.HasIndex(x => x.Title).IsUnique();
        e.HasOne(x => x.Industry).WithMany(x => x.Documents).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Sources).WithMany(x => x.PolicyDocuments);
        e.HasTrigramIndex(x => x.Title, "ix_policy_documents_title_trgm");
        e.HasTrigramIndex(x => x.TitleEn, "ix_policy_documents_title_en_trgm");
    }
}
