using Microsoft.EntityFrameworkCore;

namespace ProductionReform.Data.Configurations;

internal static class ChildPageIndexes
{
    /// <summary>
    /// Indexes each relation's children by their parent's key, then by their own key. A nested page (a parent's first
    /// n children in key order, the connections' default order) is then one range of one index: with an index on the
    /// parent key alone, PostgreSQL walks the primary key and skips every other parent's rows, all of the table for a
    /// parent without children. A one-to-one relation, or one whose key already leads with the parent's, needs none.
    /// </summary>
    public static void HasChildPageIndexes(this ModelBuilder model)
    {
        foreach (var child in model.Model.GetEntityTypes())
        {
            var key = child.FindPrimaryKey();
            if (key is null) continue;
            foreach (var relation in child.GetForeignKeys().Where(r => !r.IsUnique).ToList())
            {
                var parentKey = relation.Properties;
                if (key.Properties.Take(parentKey.Count).SequenceEqual(parentKey)) continue;
                child.AddIndex([.. parentKey, .. key.Properties.Except(parentKey)]);
            }
        }
    }
}
