using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Counting;
using ProductionReform.Data;
using ProductionReform.Data.Counting;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// Each relation whose counts the database keeps is read from them by the navigation a nested list follows: a relation
/// the lookup missed would still answer, by counting its rows, and only be slower.
/// </summary>
public sealed class KeptRelationCountsTests
{
    [Test]
    public void Every_kept_relation_is_read_from_kept_counts_through_its_parents_navigation()
    {
        var model = RegistryDatabase.DesignModel();
        var counts = new KeptRelationCounts(model);
        var context = Expression.Parameter(typeof(DbContext), "db");
        var kept = KeptCounts.Relations(model).Select(r => r.Name).ToHashSet();

        var read = model.GetEntityTypes().SelectMany(t => t.GetNavigations())
            .Where(n => counts.CountOf(context, n.DeclaringEntityType.ClrType, n.PropertyInfo!, Expression.Constant(1)) is not null)
            .Select(n => $"{n.ForeignKey.DeclaringEntityType.GetTableName()}.{n.ForeignKey.Properties[0].GetColumnName()}")
            .ToHashSet();

        Assert.That(read, Is.EquivalentTo(kept));
    }
}
