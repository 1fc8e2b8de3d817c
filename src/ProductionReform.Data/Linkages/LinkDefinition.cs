using ProductionReform.Domain;

namespace ProductionReform.Data.Linkages;

/// <summary>
/// One relation of the <see cref="LinkCatalog"/>: its kind, the entity type at each end, and <paramref name="Sql"/>, which lists
/// its edges as <c>(kind, from_type, from_id, to_type, to_id)</c>. Each end's field is the field of that end's type that leads to
/// the other end (camelCase, as the schema and <c>Citation.supports</c> name it): <c>region</c> on an enterprise and
/// <c>enterprises</c> on a region; <c>pilot</c> on an enterprise and <c>enrollments</c> on a program for a pilot enrolment.
/// </summary>
public sealed record LinkDefinition(LinkKind Kind, string FromType, string FromField, string ToType, string ToField, string Sql);
