using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_training_programs_description_trgm",
                table: "training_programs",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_name_en_trgm",
                table: "training_programs",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_name_trgm",
                table: "training_programs",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_title_en_trgm",
                table: "skill_standards",
                column: "title_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_title_trgm",
                table: "skill_standards",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_name_en_trgm",
                table: "regions",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_name_trgm",
                table: "regions",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_description_trgm",
                table: "reform_measures",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_title_en_trgm",
                table: "reform_measures",
                column: "title_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_title_trgm",
                table: "reform_measures",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_cases_summary_trgm",
                table: "practice_cases",
                column: "summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_cases_title_en_trgm",
                table: "practice_cases",
                column: "title_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_cases_title_trgm",
                table: "practice_cases",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_documents_title_en_trgm",
                table: "policy_documents",
                column: "title_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_documents_title_trgm",
                table: "policy_documents",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_programs_name_en_trgm",
                table: "pilot_programs",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_programs_name_trgm",
                table: "pilot_programs",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_occupations_name_en_trgm",
                table: "occupations",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_occupations_name_trgm",
                table: "occupations",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_description_trgm",
                table: "innovation_studios",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_name_en_trgm",
                table: "innovation_studios",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_name_trgm",
                table: "innovation_studios",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_industries_name_en_trgm",
                table: "industries",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_industries_name_trgm",
                table: "industries",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_name_en_trgm",
                table: "indicators",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_name_trgm",
                table: "indicators",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_description_trgm",
                table: "enterprises",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_name_en_trgm",
                table: "enterprises",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_name_trgm",
                table: "enterprises",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_citations_quote_trgm",
                table: "citations",
                column: "quote")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_training_programs_description_trgm",
                table: "training_programs");

            migrationBuilder.DropIndex(
                name: "ix_training_programs_name_en_trgm",
                table: "training_programs");

            migrationBuilder.DropIndex(
                name: "ix_training_programs_name_trgm",
                table: "training_programs");

            migrationBuilder.DropIndex(
                name: "ix_skill_standards_title_en_trgm",
                table: "skill_standards");

            migrationBuilder.DropIndex(
                name: "ix_skill_standards_title_trgm",
                table: "skill_standards");

            migrationBuilder.DropIndex(
                name: "ix_regions_name_en_trgm",
                table: "regions");

            migrationBuilder.DropIndex(
                name: "ix_regions_name_trgm",
                table: "regions");

            migrationBuilder.DropIndex(
                name: "ix_reform_measures_description_trgm",
                table: "reform_measures");

            migrationBuilder.DropIndex(
                name: "ix_reform_measures_title_en_trgm",
                table: "reform_measures");

            migrationBuilder.DropIndex(
                name: "ix_reform_measures_title_trgm",
                table: "reform_measures");

            migrationBuilder.DropIndex(
                name: "ix_practice_cases_summary_trgm",
                table: "practice_cases");

            migrationBuilder.DropIndex(
                name: "ix_practice_cases_title_en_trgm",
                table: "practice_cases");

            migrationBuilder.DropIndex(
                name: "ix_practice_cases_title_trgm",
                table: "practice_cases");

            migrationBuilder.DropIndex(
                name: "ix_policy_documents_title_en_trgm",
                table: "policy_documents");

            migrationBuilder.DropIndex(
                name: "ix_policy_documents_title_trgm",
                table: "policy_documents");

            migrationBuilder.DropIndex(
                name: "ix_pilot_programs_name_en_trgm",
                table: "pilot_programs");

            migrationBuilder.DropIndex(
                name: "ix_pilot_programs_name_trgm",
                table: "pilot_programs");

            migrationBuilder.DropIndex(
                name: "ix_occupations_name_en_trgm",
                table: "occupations");

            migrationBuilder.DropIndex(
                name: "ix_occupations_name_trgm",
                table: "occupations");

            migrationBuilder.DropIndex(
                name: "ix_innovation_studios_description_trgm",
                table: "innovation_studios");

            migrationBuilder.DropIndex(
                name: "ix_innovation_studios_name_en_trgm",
                table: "innovation_studios");

            migrationBuilder.DropIndex(
                name: "ix_innovation_studios_name_trgm",
                table: "innovation_studios");

            migrationBuilder.DropIndex(
                name: "ix_industries_name_en_trgm",
                table: "industries");

            migrationBuilder.DropIndex(
                name: "ix_industries_name_trgm",
                table: "industries");

            migrationBuilder.DropIndex(
                name: "ix_indicators_name_en_trgm",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_indicators_name_trgm",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_description_trgm",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_name_en_trgm",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_name_trgm",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_citations_quote_trgm",
                table: "citations");
        }
    }
}
