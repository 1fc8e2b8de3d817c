using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProductionReform.Data.Configurations;

internal static class TrigramIndexes
{
    /// <summary>
    /// A GIN index of the column's trigrams (pg_trgm), which lets search match <c>ILIKE '%text%'</c> and by similarity
    /// without reading the whole table. The index takes <paramref name="name"/> in the model and in the database.
    /// </summary>
    public static void HasTrigramIndex<TEntity>(this EntityTypeBuilder<TEntity> entity,
        Expression<Func<TEntity, object?>> column, string name)
        where TEntity : class =>
        entity.HasIndex(column, name).HasDatabaseName(name).HasMethod("gin").HasOperators("gin_trgm_ops");
}
