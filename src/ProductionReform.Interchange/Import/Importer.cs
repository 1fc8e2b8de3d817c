using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Interchange.Import;

/// <summary>
/// Imports a file into one entity list, all or nothing: every row is checked (required fields, types, enum names,
/// dates, declared checks such as the credit code's check character, relations that name no record, natural keys
/// given twice, unknown columns) and every problem collected; rows are matched to existing records by their unique
/// keys, which are loaded once, and written in batches of <see cref="ImportOptions.BatchSize"/> (AddRange and
/// SaveChanges, so the audit interceptor records each row) inside one transaction that is committed only when the
/// whole file is sound and this is no dry run. Writing stops at the first problem; checking goes on to the end.
/// </summary>
public static class Importer
{
    public static Task<ImportResult> ImportAsync(DbContext db, ImportDefinition definition, ImportSource source, bool dryRun,
        ImportOptions options, CancellationToken cancellationToken = default)
    {
        var runType = typeof(Run<>).MakeGenericType(definition.EntityType.ClrType);
        var run = (IRun)Activator.CreateInstance(runType, db, definition, options, cancellationToken)!;
        return run.ExecuteAsync(source, dryRun);
    }

    private interface IRun
    {
        Task<ImportResult> ExecuteAsync(ImportSource source, bool dryRun);
    }

    /// <summary>A record a row points at: an existing one (its id) or one the file creates (its entity, until it is saved).</summary>
    private sealed class Target
    {
        public int Id;
        public Entity? Pending;

        /// <summary>For a row's own record: counted as unchanged while a deferred relation may still change it.</summary>
        public bool CountedUnchanged;
    }

    /// <summary>Finds records of one type by the text a relation column holds: a global id, else one of its labels.</summary>
    private sealed class LabelIndex(IReadOnlyList<ImportLabel> labels, IEntityType type)
    {
        private const int Ambiguous = -1;
        private readonly IReadOnlyList<ImportLabel> _labels = labels;
        private readonly HashSet<int> _ids = [];
        private readonly List<Dictionary<string, int>> _stored = [];
        // Records of the file being imported, when relations point at the type being imported (a region's parent).
        private readonly List<Dictionary<string, Target?>> _file = [];

        public IReadOnlyList<ImportLabel> Labels => _labels;

        public async Task LoadAsync(DbContext db, CancellationToken cancellationToken)
        {
            foreach (var _ in _labels)
            {
                _stored.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                _file.Add(new Dictionary<string, Target?>(StringComparer.Ordinal));
            }
            var idProperty = type.FindPrimaryKey()!.Properties[0];
            var rows = Project(db, type.ClrType, [idProperty, .. _labels.Select(l => l.Property)]);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var id = (int)row[0]!;
                _ids.Add(id);
                for (var i = 0; i < _labels.Count; i++)
                {
                    if (row[i + 1] is not string { Length: > 0 } label) continue;
                    _stored[i][label] = _stored[i].ContainsKey(label) ? Ambiguous : id;
                }
            }
        }

        /// <summary>Notes a record of the file under its labels, so that later rows (and deferred ones) find it.</summary>
        public void Register(int labelIndex, string label, Target target)
        {
            var file = _file[labelIndex];
            file[label] = file.ContainsKey(label) && !ReferenceEquals(file[label], target) ? null : target;
        }

        /// <summary>The record <paramref name="text"/> names; null with a reason, or null without one when nothing has the name.</summary>
        public Target? Find(string text, out string? reason)
        {
            reason = null;
            if (GlobalId.TryDecode(text, out var typeName, out var id))
            {
                if (typeName != type.ClrType.Name) reason = $"This is the id of a {typeName}, not of a {type.ClrType.Name}.";
                else if (_ids.Contains(id)) return new Target { Id = id };
                else reason = $"No {type.ClrType.Name} has this id.";
                return null;
            }
            for (var i = 0; i < _labels.Count; i++)
            {
                var label = _labels[i].Column;
                if (_file.Count > i && _file[i].TryGetValue(text, out var inFile))
                {
                    if (inFile is not null) return inFile;
                    reason = $"Several rows of the file have the {label} '{text}'; give a unique one.";
                    return null;
                }
                if (_stored[i].TryGetValue(text, out var stored))
                {
                    if (stored != Ambiguous) return new Target { Id = stored };
                    reason = $"Several {type.ClrType.Name} records have the {label} '{text}'; " +
                        $"give {(i + 1 < _labels.Count ? "its " + _labels[^1].Column + " or " : "")}its id.";
                    return null;
                }
            }
            return null;
        }

        public string Describe() =>
            _labels.Count == 0 ? "global id" : string.Join(", ", _labels.Select(l => l.Column)) + " or global id";
    }

    /// <summary>A checked row waiting for its batch: its values by column, and the record it updates or creates.</summary>
    private sealed class PendingRow
    {
        public required int Row;
        public required object?[] Values;      // by column index; a relation's value is a Target or null
        public required bool[] Given;
        public int MatchedId;                  // 0 for a new record
        public Entity? NewEntity;
        public required Target Self;
        public List<Deferred>? Deferred;
    }

    /// <summary>A relation to a record of the same list that the file creates further down, set once the whole file is read.</summary>
    private sealed record Deferred(int Row, RelationColumn Column, string Text, Target Self);

    private sealed class Run<T>(DbContext db, ImportDefinition definition, ImportOptions options, CancellationToken cancellationToken)
        : IRun
        where T : Entity
    {
        private readonly List<ImportProblem> _problems = [];
        private int _problemCount;
        private readonly Dictionary<IEntityType, LabelIndex> _indexes = [];
        private readonly List<Dictionary<string, int>> _storedKeys = [];
        private readonly List<Dictionary<string, int>> _fileKeys = [];
        private readonly Dictionary<int, int> _matchedRows = [];
        private readonly HashSet<string> _reportedColumns = new(StringComparer.Ordinal);
        private readonly List<PendingRow> _batch = [];
        private readonly List<Deferred> _deferred = [];
        private readonly Dictionary<ImportColumn, int> _columnIndex =
            definition.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        private ImportSource _source = null!;
        private bool _headerChecked;
        private bool _keyColumnsMissing;
        private int _rows, _created, _updated, _unchanged;

        private IReadOnlyList<ImportColumn> Columns => definition.Columns;
        private bool Writing => _problemCount == 0 && _rows <= options.MaxRows;

        public async Task<ImportResult> ExecuteAsync(ImportSource source, bool dryRun)
        {
            _source = source;
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Any failure aborts the whole import, so SaveChanges needs no savepoint of its own; hundreds of them
            // would also overflow PostgreSQL's subtransaction cache and slow every other session down.
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            // Changes are detected once per batch (FlushAsync), not again by every look at the change tracker
            // (the audit interceptor's included): a batch is a thousand entries.
            var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                return await ImportAsync(source, dryRun, transaction);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
                db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
                db.ChangeTracker.Clear();
            }
        }

        private async Task<ImportResult> ImportAsync(
            ImportSource source, bool dryRun, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
        {
            await LoadAsync();

            try
            {
                await foreach (var record in source.ReadAsync(cancellationToken))
                {
                    if (!_headerChecked) CheckHeader(source.Header);
                    if (++_rows > options.MaxRows) continue; // only counted, for the error
                    Process(record);
                    if (_batch.Count >= options.BatchSize) await FlushAsync();
                }
            }
            catch (ImportFormatException unreadable)
            {
                // The rest of the file cannot be read: report it with what was found so far.
                Report(unreadable.Row, null, null, unreadable.Message);
            }
            if (!_headerChecked) CheckHeader(source.Header);
            if (source.HasHeader && source.Header is null)
                Report(1, null, null, "The file is empty: it needs a header row of column names.");

            if (_rows > options.MaxRows)
                throw new ImportLimitExceededException("maxImportRows", options.MaxRows, _rows,
                    $"The file has {_rows} rows; the maximum is {options.MaxRows}.");

            await FlushAsync();
            await ResolveDeferredAsync();

            var result = new ImportResult
            {
                Rows = _rows,
                Created = _created,
                Updated = _updated,
                Unchanged = _unchanged,
                DryRun = dryRun,
                Problems = _problems,
                ProblemCount = _problemCount,
            };
            if (result.Succeeded && !dryRun) await transaction.CommitAsync(cancellationToken);
            else await transaction.RollbackAsync(cancellationToken);
            return result;
        }

        private async Task LoadAsync()
        {
            // Every unique key of the list, in one statement: key text → id.
            var keyProperties = definition.Keys.SelectMany(k => k.Columns).Distinct().Select(PropertyOf).ToList();
            var idProperty = definition.EntityType.FindPrimaryKey()!.Properties[0];
            foreach (var _ in definition.Keys)
            {
                _storedKeys.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                _fileKeys.Add(new Dictionary<string, int>(StringComparer.Ordinal));
            }
            var rows = Project(db, typeof(T), [idProperty, .. keyProperties]);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                for (var k = 0; k < definition.Keys.Count; k++)
                {
                    var key = definition.Keys[k];
                    var parts = key.Columns.Select(c => row[1 + keyProperties.IndexOf(PropertyOf(c))]).ToArray();
                    if (key.NullsDistinct && parts.Any(p => p is null)) continue;
                    _storedKeys[k][KeyText(parts)] = (int)row[0]!;
                }
            }

            // The records every relation column can point at, by their labels.
            foreach (var relation in Columns.OfType<RelationColumn>())
            {
                if (_indexes.ContainsKey(relation.Target)) continue;
                var index = new LabelIndex(relation.TargetLabels, relation.Target);
                await index.LoadAsync(db, cancellationToken);
                _indexes[relation.Target] = index;
            }
        }

        private static IProperty PropertyOf(ImportColumn column) => column switch
        {
            ValueColumn value => value.Property,
            RelationColumn relation => relation.Navigation.ForeignKey.Properties[0],
            _ => throw new InvalidOperationException(),
        };

        private void CheckHeader(IReadOnlyList<string>? header)
        {
            _headerChecked = true;
            if (header is null) return;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in header)
            {
                if (!seen.Add(name)) Report(1, name, null, "The column appears twice.");
                else CheckColumn(1, name);
            }
            if (!definition.Keys.Any(k => k.Columns.All(c => header.Contains(c.Name) || !k.NullsDistinct && !Required(c))))
            {
                _keyColumnsMissing = true;
                Report(1, null, null, $"The file needs a column to find each {definition.TypeName} by: {DescribeKeys()}.");
            }
        }

        private string DescribeKeys() => string.Join(" or ", definition.Keys.Select(k => k.ToString()));

        /// <summary>Reports a column that is not one of the list (once), and returns it when it is.</summary>
        private ImportColumn? CheckColumn(int row, string name)
        {
            var column = definition.Find(name);
            if (column is null && _reportedColumns.Add(name))
            {
                var known = string.Join(", ", Columns.Where(c => c is not IgnoredColumn).Select(c => c.Name));
                Report(row, name, null,
                    $"{definition.ListName} has no column '{name}'. The columns are: {known} " +
                    "(id, version and read-only relations are ignored).");
            }
            return column;
        }

        private void Report(int row, string? column, string? value, string reason, string? code = null)
        {
            _problemCount++;
            if (_problems.Count < options.MaxProblems)
                _problems.Add(new ImportProblem(row, column, value is null ? null : ImportSource.Shorten(value), reason, code));
        }

        private void Process(ImportRecord record)
        {
            var before = _problemCount;
            foreach (var problem in record.Problems ?? []) Report(problem.Row, problem.Column, problem.Value, problem.Reason, problem.Code);

            var values = new object?[Columns.Count];
            var given = new bool[Columns.Count];
            var texts = new string?[Columns.Count];
            var self = new Target();
            List<Deferred>? deferred = null;
            for (var i = 0; i < record.Columns.Count; i++)
            {
                var name = record.Columns[i];
                // CSV columns were checked with the header; a JSON object names its own.
                var column = _source.HasHeader ? definition.Find(name) : CheckColumn(record.Row, name);
                if (column is null or IgnoredColumn) continue;
                var c = IndexOf(column);
                if (given[c]) continue; // a repeated column, reported with the header
                given[c] = true;
                var text = i < record.Values.Count ? record.Values[i] : null;
                texts[c] = text;
                if (text is not null && StorableText.Problem(text) is { } unstorable)
                {
                    Report(record.Row, name, StorableText.Displayable(text), "The text " + unstorable, StorableText.Code);
                    continue;
                }
                switch (column)
                {
                    case ValueColumn value when text is null:
                        if (!value.AllowsEmpty) Report(record.Row, name, null, "A value is required.");
                        values[c] = value.Empty();
                        break;
                    case ValueColumn value:
                        if (value.Parse(text, out var parsed) is { } reason) Report(record.Row, name, text, reason);
                        values[c] = parsed;
                        break;
                    case RelationColumn relation when text is null:
                        if (relation.Required) Report(record.Row, name, null, "A value is required.");
                        break;
                    case RelationColumn relation:
                        var index = _indexes[relation.Target];
                        var target = index.Find(text.Trim(), out var why);
                        if (target is not null) values[c] = target;
                        else if (why is not null) Report(record.Row, name, text, why);
                        else if (relation.Target == definition.EntityType)
                            (deferred ??= []).Add(new Deferred(record.Row, relation, text.Trim(), self));
                        else Report(record.Row, name, text, $"No {relation.Target.ClrType.Name} has this {index.Describe()}.");
                        break;
                }
            }
            if (_problemCount > before) return;

            // Keys: each one given must be new to the file, and those that match stored records must match the same one.
            var matched = 0;
            ImportKey? matchedBy = null;
            var anyKey = false;
            for (var k = 0; k < definition.Keys.Count; k++)
            {
                var key = definition.Keys[k];
                // A key counts when all its columns are given; where nulls are values (indicator+region+asOf), an
                // optional column left out counts as null.
                var parts = new object?[key.Columns.Count];
                var complete = true;
                for (var p = 0; p < parts.Length && complete; p++)
                {
                    var c = IndexOf(key.Columns[p]);
                    if (!given[c]) complete = !key.NullsDistinct && !Required(key.Columns[p]);
                    else if (values[c] is Target target) complete = (parts[p] = target.Id) is not 0; // 0: a record the file creates
                    else parts[p] = values[c];
                }
                if (!complete || key.NullsDistinct && parts.Any(p => p is null)) continue;
                anyKey = true;
                var text = KeyText(parts);
                var shown = string.Join(", ", key.Columns.Select(c => texts[IndexOf(c)] ?? "(empty)"));
                if (_fileKeys[k].TryGetValue(text, out var earlier))
                {
                    Report(record.Row, key.ToString(), shown, $"Row {earlier} has the same {key}.");
                    continue;
                }
                _fileKeys[k][text] = record.Row;
                if (!_storedKeys[k].TryGetValue(text, out var id)) continue;
                if (matched != 0 && matched != id)
                    Report(record.Row, key.ToString(), shown,
                        $"The {matchedBy} matches one existing {definition.TypeName} and the {key} another.");
                else
                {
                    matched = id;
                    matchedBy = key;
                }
            }
            if (!anyKey && !_keyColumnsMissing)
                Report(record.Row, null, null, $"The row needs {DescribeKeys()} to find or create the {definition.TypeName}.");
            if (matched != 0)
            {
                if (_matchedRows.TryGetValue(matched, out var other))
                    Report(record.Row, matchedBy!.ToString(), null, $"Row {other} updates the same {definition.TypeName}.");
                else _matchedRows[matched] = record.Row;
            }
            else
            {
                foreach (var column in Columns)
                {
                    if (Required(column) && !given[IndexOf(column)])
                        Report(record.Row, column.Name, null, $"The column is required to create a new {definition.TypeName}.");
                }
            }
            if (_problemCount > before) return;

            // The row is sound: let later rows find it by its labels (when the list relates to itself), and queue it.
            Entity? created = null;
            if (matched != 0) self.Id = matched;
            else if (Writing) self.Pending = created = (Entity)Activator.CreateInstance(typeof(T))!;
            if (_indexes.TryGetValue(definition.EntityType, out var own))
            {
                for (var l = 0; l < own.Labels.Count; l++)
                {
                    var column = definition.Find(own.Labels[l].Column);
                    if (column is not null && texts[IndexOf(column)] is { } label) own.Register(l, label, self);
                }
            }
            if (deferred is not null) _deferred.AddRange(deferred);
            if (!Writing) return;
            _batch.Add(new PendingRow
            {
                Row = record.Row, Values = values, Given = given, MatchedId = matched, NewEntity = created, Self = self, Deferred = deferred
            });
        }

        private int IndexOf(ImportColumn column) => _columnIndex[column];

        /// <summary>A column a new record cannot do without.</summary>
        private static bool Required(ImportColumn column) =>
            column is ValueColumn { RequiredOnCreate: true } or RelationColumn { Required: true };

        private async Task FlushAsync()
        {
            if (_batch.Count == 0) return;
            if (!Writing)
            {
                _batch.Clear();
                return;
            }
            var ids = _batch.Where(r => r.MatchedId != 0).Select(r => r.MatchedId).ToList();
            var existing = ids.Count == 0
                ? []
                : await db.Set<T>().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
            var added = new List<T>();
            foreach (var row in _batch)
            {
                var entity = row.NewEntity as T ?? existing[row.MatchedId];
                var changed = Apply(entity, row);
                if (row.NewEntity is not null)
                {
                    added.Add(entity);
                    _created++;
                }
                else if (changed) _updated++;
                else
                {
                    _unchanged++;
                    row.Self.CountedUnchanged = row.Deferred is not null;
                }
            }
            db.Set<T>().AddRange(added);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in _batch)
            {
                if (row.NewEntity is null) continue;
                row.Self.Id = row.NewEntity.Id;
                row.Self.Pending = null;
            }
            _batch.Clear();
            // Forget the batch, so that change tracking (and the audit interceptor's walk over it) stays small.
            db.ChangeTracker.Clear();
        }

        /// <summary>Copies the row's given values onto the record; true when that changes it.</summary>
        private bool Apply(T entity, PendingRow row)
        {
            var changed = false;
            for (var c = 0; c < Columns.Count; c++)
            {
                if (!row.Given[c]) continue;
                switch (Columns[c])
                {
                    case ValueColumn value:
                        if (ValueColumn.Same(value.Get(entity), row.Values[c])) break;
                        value.Set(entity, row.Values[c]);
                        changed = true;
                        break;
                    case RelationColumn relation when row.Deferred?.Any(d => d.Column == relation) == true:
                        break;
                    case RelationColumn relation:
                        var target = (Target?)row.Values[c];
                        if (target?.Pending is { } pending)
                        {
                            relation.SetNavigation(entity, pending);
                            changed = true;
                        }
                        else if (!Equals(relation.GetForeignKey(entity), target?.Id))
                        {
                            relation.SetForeignKey(entity, target?.Id);
                            changed = true;
                        }
                        break;
                }
            }
            return changed;
        }

        /// <summary>Relations to records further down the file: resolved now that every row is known, and written.</summary>
        private async Task ResolveDeferredAsync()
        {
            if (_deferred.Count == 0) return;
            var index = _indexes[definition.EntityType];
            var resolved = new List<(Deferred Link, Target Target)>();
            foreach (var link in _deferred)
            {
                var target = index.Find(link.Text, out var why);
                if (target is null)
                    Report(link.Row, link.Column.Name, link.Text,
                        why ?? $"No {definition.TypeName} has this {index.Describe()}, in the registry or in the file.");
                else resolved.Add((link, target));
            }
            if (!Writing || resolved.Count == 0) return;
            foreach (var chunk in resolved.Chunk(options.BatchSize))
            {
                var ids = chunk.Select(r => r.Link.Self.Id).Distinct().ToList();
                var rows = await db.Set<T>().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
                foreach (var (link, target) in chunk)
                {
                    var entity = rows[link.Self.Id];
                    if (Equals(link.Column.GetForeignKey(entity), target.Id)) continue;
                    link.Column.SetForeignKey(entity, target.Id);
                    if (link.Self.CountedUnchanged)
                    {
                        _unchanged--;
                        _updated++;
                        link.Self.CountedUnchanged = false;
                    }
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary><c>SELECT p1, p2… FROM table</c> of one entity type as object arrays, untracked.</summary>
    private static IQueryable<object?[]> Project(DbContext db, Type clrType, IReadOnlyList<IProperty> properties)
    {
        var set = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(clrType).Invoke(db, null)!;
        var x = Expression.Parameter(clrType, "x");
        var row = Expression.Lambda(Expression.NewArrayInit(typeof(object),
            properties.Select(p => Expression.Convert(Expression.Property(x, p.PropertyInfo!), typeof(object)))), x);
        var select = Expression.Call(
            typeof(Queryable), nameof(Queryable.Select), [clrType, typeof(object?[])], set.Expression, Expression.Quote(row));
        return set.Provider.CreateQuery<object?[]>(select);
    }

    private static string KeyText(IEnumerable<object?> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part switch
            {
                null => "\0",
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => part.ToString(),
            });
            text.Append('\u001F');
        }
        return text.ToString();
    }
}
