using Microsoft.EntityFrameworkCore.Migrations;
using ProductionReform.Data.Seed;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <summary>
    /// Remembers which seed the database holds (<see cref="SeedState"/>), so that a start-up finds an unchanged seed with
    /// one query instead of comparing every seeded row. Bookkeeping, not registry data: outside the EF model, no triggers.
    /// </summary>
    public partial class RecordTheAppliedSeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE {SeedState.Table} (
                    id integer PRIMARY KEY CHECK (id = 1),
                    version text NOT NULL,
                    applied_at timestamptz NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP TABLE {SeedState.Table};");
        }
    }
}
