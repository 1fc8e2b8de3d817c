using Microsoft.EntityFrameworkCore.Migrations;
using ProductionReform.Data.Counting;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <summary>
    /// Keeps each one-to-many relation's count of rows per parent (<see cref="KeptCounts"/>): the table, the functions,
    /// the triggers on every child table and the counts of the rows already there. Bookkeeping, not registry data:
    /// outside the EF model, not in the change log.
    /// </summary>
    public partial class KeepRelationCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(KeptCounts.CreateSql);
            // The relations of this migration's model; a relation added later needs its triggers in its own migration
            // (KeptCountTests fail until it has them).
            var relations = KeptCounts.Relations(TargetModel);
            foreach (var table in relations.GroupBy(r => r.Table))
                migrationBuilder.Sql(KeptCounts.CreateTriggersSql(table.Key, table.Select(r => r.Column)));
            foreach (var relation in relations)
                migrationBuilder.Sql(KeptCounts.FillSql(relation));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in KeptCounts.Relations(TargetModel).Select(r => r.Table).Distinct())
            {
                foreach (var trigger in KeptCounts.TriggerNames)
                    migrationBuilder.Sql($"DROP TRIGGER {trigger} ON \"{table}\";");
            }
            migrationBuilder.Sql("""
                DROP FUNCTION kept_counts_compact(), kept_count(text, integer), kept_counts_record();
                DROP TABLE kept_counts;
                """);
        }
    }
}
