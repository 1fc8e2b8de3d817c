using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProductionReform.Data.Changes;

/// <summary>
/// Which tables the database's change log covers, derived from an EF model, and the triggers that log them. Record
/// tables are those of registry records (their row version is PostgreSQL's <c>xmin</c>); link tables are the join
/// tables between them. The API keys and the audit trail are neither.
/// </summary>
public static class ChangeCapture
{
    /// <summary>The channel PostgreSQL notifies after each commit that changed the registry.</summary>
    public const string Channel = "registry_changes";

    public static IReadOnlyList<CapturedTable> Tables(IReadOnlyModel model)
    {
        var records = model.GetEntityTypes().Where(IsRecord).Select(t => t.GetTableName()!).ToHashSet();
        var links = model.GetEntityTypes()
            .Select(t => (Table: t.GetTableName()!, Ends: LinkEnds(t, records)))
            .Where(t => t.Ends.Count == 2)
            .Select(t => new CapturedTable(t.Table, t.Ends));
        return [.. records.Order().Select(name => new CapturedTable(name, [])), .. links.OrderBy(t => t.Name)];
    }

    /// <summary>
    /// Three statement-level triggers (a trigger with transition tables handles one event), each calling the
    /// logging function of the table's kind; a link table passes its key columns and the tables they refer to.
    /// </summary>
    public static string CreateTriggersSql(CapturedTable table)
    {
        var function = table.IsLink ? "registry_link_changes" : "registry_record_changes";
        var arguments = string.Join(", ", table.LinkEnds.SelectMany(end => new[] { $"'{end.Column}'", $"'{end.Table}'" }));
        return string.Concat(
            Trigger(table.Name, "insert", "INSERT", "NEW TABLE AS new_rows", function, arguments),
            Trigger(table.Name, "update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", function, arguments),
            Trigger(table.Name, "delete", "DELETE", "OLD TABLE AS old_rows", function, arguments));
    }

    /// <summary>The names of the triggers <see cref="CreateTriggersSql"/> creates on every table.</summary>
    public static IReadOnlyList<string> TriggerNames { get; } =
        ["registry_changes_insert", "registry_changes_update", "registry_changes_delete"];

    private static string Trigger(string table, string name, string operation, string transitionTables, string function,
        string arguments) =>
        $"""
        CREATE TRIGGER registry_changes_{name} AFTER {operation} ON "{table}" REFERENCING {transitionTables}
            FOR EACH STATEMENT EXECUTE FUNCTION {function}({arguments});

        """;

    private static bool IsRecord(IReadOnlyEntityType type) =>
        type.FindPrimaryKey() is { Properties: [var key] } && key.GetColumnName() == "id"
        && type.GetProperties().Any(p => p.IsConcurrencyToken && p.GetColumnName() == "xmin");

    /// <summary>The ends of a join table: its key is made of exactly two references to record tables.</summary>
    private static List<LinkEnd> LinkEnds(IReadOnlyEntityType type, HashSet<string> records)
    {
        var key = type.FindPrimaryKey()?.Properties ?? [];
        var ends = type.GetForeignKeys()
            .Where(fk => fk.Properties is [var column] && key.Contains(column) && records.Contains(fk.PrincipalEntityType.GetTableName()!))
            .Select(fk => new LinkEnd(fk.Properties[0].GetColumnName()!, fk.PrincipalEntityType.GetTableName()!))
            .ToList();
        return ends.Count == key.Count ? ends : [];
    }
}
