using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    operation = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<int>(type: "integer", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    correlation_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    unit = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "industries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_industries", x => x.id);
                    table.ForeignKey(
                        name: "fk_industries_industries_parent_id",
                        column: x => x.parent_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.id);
                    table.ForeignKey(
                        name: "fk_regions_regions_parent_id",
                        column: x => x.parent_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    publisher = table.Column<string>(type: "text", nullable: true),
                    author = table.Column<string>(type: "text", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_year = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    url = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "occupations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occupations", x => x.id);
                    table.ForeignKey(
                        name: "fk_occupations_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pilot_programs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    level = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    target_count = table.Column<int>(type: "integer", nullable: false),
                    launched_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_programs", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_programs_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    title_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    issuer = table.Column<string>(type: "text", nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_documents_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    region_id = table.Column<int>(type: "integer", nullable: true),
                    construction_qualification = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    employee_count = table.Column<int>(type: "integer", nullable: true),
                    is_backbone = table.Column<bool>(type: "boolean", nullable: false),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprises_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enterprises_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: true),
                    period_end = table.Column<DateOnly>(type: "date", nullable: true),
                    as_of = table.Column<DateOnly>(type: "date", nullable: true),
                    region_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_values_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "citations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    quote = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citations", x => x.id);
                    table.ForeignKey(
                        name: "fk_citations_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pilot_program_policy_document",
                columns: table => new
                {
                    documents_id = table.Column<int>(type: "integer", nullable: false),
                    programs_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_program_policy_document", x => new { x.documents_id, x.programs_id });
                    table.ForeignKey(
                        name: "fk_pilot_program_policy_document_pilot_programs_programs_id",
                        column: x => x.programs_id,
                        principalTable: "pilot_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pilot_program_policy_document_policy_documents_documents_id",
                        column: x => x.documents_id,
                        principalTable: "policy_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reform_measures",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    document_id = table.Column<int>(type: "integer", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    title_en = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reform_measures", x => x.id);
                    table.ForeignKey(
                        name: "fk_reform_measures_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reform_measures_policy_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "policy_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "innovation_studios",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    host_enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    inspired_by_id = table.Column<int>(type: "integer", nullable: true),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_innovation_studios", x => x.id);
                    table.ForeignKey(
                        name: "fk_innovation_studios_enterprises_host_enterprise_id",
                        column: x => x.host_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_innovation_studios_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_innovation_studios_innovation_studios_inspired_by_id",
                        column: x => x.inspired_by_id,
                        principalTable: "innovation_studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pilot_enrollments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_enrollments", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_enrollments_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pilot_enrollments_pilot_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "pilot_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "practice_cases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    title_en = table.Column<string>(type: "text", nullable: true),
                    enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true),
                    recognition = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_practice_cases_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_programs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_programs", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_programs_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_programs_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "citation_enterprise",
                columns: table => new
                {
                    enterprises_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_enterprise", x => new { x.enterprises_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_enterprise_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_enterprise_enterprises_enterprises_id",
                        column: x => x.enterprises_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_indicator_value",
                columns: table => new
                {
                    indicator_values_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_indicator_value", x => new { x.indicator_values_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_indicator_value_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_indicator_value_indicator_values_indicator_values_",
                        column: x => x.indicator_values_id,
                        principalTable: "indicator_values",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_industry",
                columns: table => new
                {
                    industries_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_industry", x => new { x.industries_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_industry_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_industry_industries_industries_id",
                        column: x => x.industries_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_occupation",
                columns: table => new
                {
                    occupations_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_occupation", x => new { x.occupations_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_occupation_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_occupation_occupations_occupations_id",
                        column: x => x.occupations_id,
                        principalTable: "occupations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_pilot_program",
                columns: table => new
                {
                    pilot_programs_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_pilot_program", x => new { x.pilot_programs_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_pilot_program_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_pilot_program_pilot_programs_pilot_programs_id",
                        column: x => x.pilot_programs_id,
                        principalTable: "pilot_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_policy_document",
                columns: table => new
                {
                    policy_documents_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_policy_document", x => new { x.policy_documents_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_policy_document_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_policy_document_policy_documents_policy_documents_",
                        column: x => x.policy_documents_id,
                        principalTable: "policy_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_region",
                columns: table => new
                {
                    regions_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_region", x => new { x.regions_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_region_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_region_regions_regions_id",
                        column: x => x.regions_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_reform_measure",
                columns: table => new
                {
                    reform_measures_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_reform_measure", x => new { x.reform_measures_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_reform_measure_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_reform_measure_reform_measures_reform_measures_id",
                        column: x => x.reform_measures_id,
                        principalTable: "reform_measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_innovation_studio",
                columns: table => new
                {
                    innovation_studios_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_innovation_studio", x => new { x.innovation_studios_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_innovation_studio_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_innovation_studio_innovation_studios_innovation_st",
                        column: x => x.innovation_studios_id,
                        principalTable: "innovation_studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "skill_standards",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    title_en = table.Column<string>(type: "text", nullable: true),
                    issuer_name = table.Column<string>(type: "text", nullable: false),
                    issuer_enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    issuer_region_id = table.Column<int>(type: "integer", nullable: true),
                    produced_by_studio_id = table.Column<int>(type: "integer", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    industry_id = table.Column<int>(type: "integer", nullable: true),
                    levels = table.Column<string[]>(type: "text[]", nullable: false),
                    post_count = table.Column<int>(type: "integer", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_standards", x => x.id);
                    table.ForeignKey(
                        name: "fk_skill_standards_enterprises_issuer_enterprise_id",
                        column: x => x.issuer_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_skill_standards_industries_industry_id",
                        column: x => x.industry_id,
                        principalTable: "industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_skill_standards_innovation_studios_produced_by_studio_id",
                        column: x => x.produced_by_studio_id,
                        principalTable: "innovation_studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_skill_standards_regions_issuer_region_id",
                        column: x => x.issuer_region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pilot_enrollment_reform_measure",
                columns: table => new
                {
                    enrollments_id = table.Column<int>(type: "integer", nullable: false),
                    measures_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_enrollment_reform_measure", x => new { x.enrollments_id, x.measures_id });
                    table.ForeignKey(
                        name: "fk_pilot_enrollment_reform_measure_pilot_enrollments_enrollmen",
                        column: x => x.enrollments_id,
                        principalTable: "pilot_enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pilot_enrollment_reform_measure_reform_measures_measures_id",
                        column: x => x.measures_id,
                        principalTable: "reform_measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_practice_case",
                columns: table => new
                {
                    practice_cases_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_practice_case", x => new { x.practice_cases_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_practice_case_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_practice_case_practice_cases_practice_cases_id",
                        column: x => x.practice_cases_id,
                        principalTable: "practice_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_training_program",
                columns: table => new
                {
                    sources_id = table.Column<int>(type: "integer", nullable: false),
                    training_programs_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_training_program", x => new { x.sources_id, x.training_programs_id });
                    table.ForeignKey(
                        name: "fk_citation_training_program_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_training_program_training_programs_training_progra",
                        column: x => x.training_programs_id,
                        principalTable: "training_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citation_skill_standard",
                columns: table => new
                {
                    skill_standards_id = table.Column<int>(type: "integer", nullable: false),
                    sources_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citation_skill_standard", x => new { x.skill_standards_id, x.sources_id });
                    table.ForeignKey(
                        name: "fk_citation_skill_standard_citations_sources_id",
                        column: x => x.sources_id,
                        principalTable: "citations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citation_skill_standard_skill_standards_skill_standards_id",
                        column: x => x.skill_standards_id,
                        principalTable: "skill_standards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "occupation_skill_standard",
                columns: table => new
                {
                    occupations_id = table.Column<int>(type: "integer", nullable: false),
                    standards_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occupation_skill_standard", x => new { x.occupations_id, x.standards_id });
                    table.ForeignKey(
                        name: "fk_occupation_skill_standard_occupations_occupations_id",
                        column: x => x.occupations_id,
                        principalTable: "occupations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_occupation_skill_standard_skill_standards_standards_id",
                        column: x => x.standards_id,
                        principalTable: "skill_standards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_name",
                table: "api_keys",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_id",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_citation_enterprise_sources_id",
                table: "citation_enterprise",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_indicator_value_sources_id",
                table: "citation_indicator_value",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_industry_sources_id",
                table: "citation_industry",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_innovation_studio_sources_id",
                table: "citation_innovation_studio",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_occupation_sources_id",
                table: "citation_occupation",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_pilot_program_sources_id",
                table: "citation_pilot_program",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_policy_document_sources_id",
                table: "citation_policy_document",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_practice_case_sources_id",
                table: "citation_practice_case",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_reform_measure_sources_id",
                table: "citation_reform_measure",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_region_sources_id",
                table: "citation_region",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_skill_standard_sources_id",
                table: "citation_skill_standard",
                column: "sources_id");

            migrationBuilder.CreateIndex(
                name: "ix_citation_training_program_training_programs_id",
                table: "citation_training_program",
                column: "training_programs_id");

            migrationBuilder.CreateIndex(
                name: "ix_citations_code",
                table: "citations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_citations_quote_trgm",
                table: "citations",
                column: "quote")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_citations_source_id",
                table: "citations",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_description_trgm",
                table: "enterprises",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_industry_id",
                table: "enterprises",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_is_sample",
                table: "enterprises",
                column: "is_sample");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_name",
                table: "enterprises",
                column: "name",
                unique: true);

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
                name: "ix_enterprises_region_id",
                table: "enterprises",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_indicator_id_region_id_as_of",
                table: "indicator_values",
                columns: new[] { "indicator_id", "region_id", "as_of" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_region_id",
                table: "indicator_values",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_code",
                table: "indicators",
                column: "code",
                unique: true);

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
                name: "ix_industries_code",
                table: "industries",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_industries_name",
                table: "industries",
                column: "name");

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
                name: "ix_industries_parent_id",
                table: "industries",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_description_trgm",
                table: "innovation_studios",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_host_enterprise_id",
                table: "innovation_studios",
                column: "host_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_industry_id",
                table: "innovation_studios",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_inspired_by_id",
                table: "innovation_studios",
                column: "inspired_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_innovation_studios_name",
                table: "innovation_studios",
                column: "name",
                unique: true);

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
                name: "ix_occupation_skill_standard_standards_id",
                table: "occupation_skill_standard",
                column: "standards_id");

            migrationBuilder.CreateIndex(
                name: "ix_occupations_code",
                table: "occupations",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_occupations_industry_id",
                table: "occupations",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_occupations_name",
                table: "occupations",
                column: "name",
                unique: true);

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
                name: "ix_pilot_enrollment_reform_measure_measures_id",
                table: "pilot_enrollment_reform_measure",
                column: "measures_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_enrollments_enterprise_id",
                table: "pilot_enrollments",
                column: "enterprise_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pilot_enrollments_program_id",
                table: "pilot_enrollments",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_program_policy_document_programs_id",
                table: "pilot_program_policy_document",
                column: "programs_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_programs_code",
                table: "pilot_programs",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pilot_programs_industry_id",
                table: "pilot_programs",
                column: "industry_id");

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
                name: "ix_policy_documents_industry_id",
                table: "policy_documents",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_documents_title",
                table: "policy_documents",
                column: "title",
                unique: true);

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
                name: "ix_practice_cases_enterprise_id",
                table: "practice_cases",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_practice_cases_summary_trgm",
                table: "practice_cases",
                column: "summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_cases_title",
                table: "practice_cases",
                column: "title",
                unique: true);

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
                name: "ix_reform_measures_code",
                table: "reform_measures",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_description_trgm",
                table: "reform_measures",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_document_id",
                table: "reform_measures",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_reform_measures_industry_id",
                table: "reform_measures",
                column: "industry_id");

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
                name: "ix_regions_code",
                table: "regions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regions_name",
                table: "regions",
                column: "name",
                unique: true);

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
                name: "ix_regions_parent_id",
                table: "regions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_industry_id",
                table: "skill_standards",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_issuer_enterprise_id",
                table: "skill_standards",
                column: "issuer_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_issuer_region_id",
                table: "skill_standards",
                column: "issuer_region_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_produced_by_studio_id",
                table: "skill_standards",
                column: "produced_by_studio_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_standards_title",
                table: "skill_standards",
                column: "title",
                unique: true);

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
                name: "ix_sources_code",
                table: "sources",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_description_trgm",
                table: "training_programs",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_enterprise_id",
                table: "training_programs",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_industry_id",
                table: "training_programs",
                column: "industry_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_programs_name",
                table: "training_programs",
                column: "name",
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "citation_enterprise");

            migrationBuilder.DropTable(
                name: "citation_indicator_value");

            migrationBuilder.DropTable(
                name: "citation_industry");

            migrationBuilder.DropTable(
                name: "citation_innovation_studio");

            migrationBuilder.DropTable(
                name: "citation_occupation");

            migrationBuilder.DropTable(
                name: "citation_pilot_program");

            migrationBuilder.DropTable(
                name: "citation_policy_document");

            migrationBuilder.DropTable(
                name: "citation_practice_case");

            migrationBuilder.DropTable(
                name: "citation_reform_measure");

            migrationBuilder.DropTable(
                name: "citation_region");

            migrationBuilder.DropTable(
                name: "citation_skill_standard");

            migrationBuilder.DropTable(
                name: "citation_training_program");

            migrationBuilder.DropTable(
                name: "occupation_skill_standard");

            migrationBuilder.DropTable(
                name: "pilot_enrollment_reform_measure");

            migrationBuilder.DropTable(
                name: "pilot_program_policy_document");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "practice_cases");

            migrationBuilder.DropTable(
                name: "citations");

            migrationBuilder.DropTable(
                name: "training_programs");

            migrationBuilder.DropTable(
                name: "occupations");

            migrationBuilder.DropTable(
                name: "skill_standards");

            migrationBuilder.DropTable(
                name: "pilot_enrollments");

            migrationBuilder.DropTable(
                name: "reform_measures");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "sources");

            migrationBuilder.DropTable(
                name: "innovation_studios");

            migrationBuilder.DropTable(
                name: "pilot_programs");

            migrationBuilder.DropTable(
                name: "policy_documents");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "industries");

            migrationBuilder.DropTable(
                name: "regions");
        }
    }
}
