using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordFactsAsTheSourceStatesThem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "regions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description_en",
                table: "regions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description_en",
                table: "innovation_studios",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_year_to_date",
                table: "indicator_values",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "qualifier",
                table: "indicator_values",
                type: "text",
                nullable: false,
                defaultValue: "EXACT",
                collation: "C");

            migrationBuilder.AlterColumn<bool>(
                name: "is_backbone",
                table: "enterprises",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AddColumn<string>(
                name: "description_en",
                table: "enterprises",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_inference",
                table: "citations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "citations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "supports",
                table: "citations",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_description_en_trgm",
                table: "innovation_studios",
                column: "description_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_description_en_trgm",
                table: "enterprises",
                column: "description_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_innovation_studios_description_en_trgm",
                table: "innovation_studios");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_description_en_trgm",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "description",
                table: "regions");

            migrationBuilder.DropColumn(
                name: "description_en",
                table: "regions");

            migrationBuilder.DropColumn(
                name: "description_en",
                table: "innovation_studios");

            migrationBuilder.DropColumn(
                name: "is_year_to_date",
                table: "indicator_values");

            migrationBuilder.DropColumn(
                name: "qualifier",
                table: "indicator_values");

            migrationBuilder.DropColumn(
                name: "description_en",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "is_inference",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "note",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "supports",
                table: "citations");

            migrationBuilder.AlterColumn<bool>(
                name: "is_backbone",
                table: "enterprises",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);
        }
    }
}
