using System.Linq.Expressions;
using System.Reflection;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>
/// Runs create, update and delete for any entity declared by an <see cref="EntityMutations{T}"/>: every check is
/// made and every error collected before anything is written; the write is one transaction (the audit rows
/// included), rolled back on any refusal.
/// </summary>
internal sealed class MutationEngine<T>(EntityMutations<T> spec, MutationRequest request) where T : Entity
{
    private static readonly TypeAdapterConfig Mapping = CreateMapping();

    private readonly RegistryDbContext _db = request.Db;
    private readonly CancellationToken _cancellationToken = request.CancellationToken;
    private readonly IEntityType _entityType = request.Db.Model.FindEntityType(typeof(T))!;
    private bool _deleting;

    public async Task<MutationPayload> CreateAsync()
    {
        var context = Context(isCreate: true);
        return await InTransactionAsync(context, async () =>
        {
            var entity = (T)Activator.CreateInstance(typeof(T))!;
            foreach (var field in spec.Fields.Where(f => f.Required && !request.Input.ContainsKey(f.Name)))
                context.Error(field.Name, MutationCodes.Required, $"'{field.Name}' is required.");
            await ApplyAsync(context, entity);
            await CheckUniqueAsync(context, entity);
            foreach (var rule in spec.Rules) await rule(context, entity);
            if (context.Errors.Count > 0) return null;
            _db.Add(entity);
            await _db.SaveChangesAsync(_cancellationToken);
            return new MutationPayload { TypeName = spec.TypeName, Key = entity.Id, Warnings = Nullify(context.Warnings) };
        });
    }

    public async Task<MutationPayload> UpdateAsync()
    {
        var context = Context(isCreate: false);
        return await InTransactionAsync(context, async () =>
        {
            if (await FindAsync(context) is not { } entity) return null;
            await ApplyAsync(context, entity);
            await CheckUniqueAsync(context, entity);
            foreach (var rule in spec.Rules) await rule(context, entity);
            if (context.Errors.Count > 0) return null;
            await _db.SaveChangesAsync(_cancellationToken);
            return new MutationPayload { TypeName = spec.TypeName, Key = entity.Id, Warnings = Nullify(context.Warnings) };
        });
    }

    public async Task<MutationPayload> DeleteAsync()
    {
        _deleting = true;
        var context = Context(isCreate: false);
        return await InTransactionAsync(context, async () =>
        {
            if (await FindAsync(context) is not { } entity) return null;
            await CheckReferrersAsync(context, entity);
            if (context.Errors.Count > 0) return null;
            _db.Remove(entity);
            await _db.SaveChangesAsync(_cancellationToken);
            return new MutationPayload { TypeName = spec.TypeName, Deleted = entity, Warnings = Nullify(context.Warnings) };
        });
    }

    private MutationContext Context(bool isCreate) =>
        new() { Db = _db, IsCreate = isCreate, Input = request.Input, CancellationToken = _cancellationToken };

    /// <summary>
    /// One SERIALIZABLE transaction for the checks' reads, the write and its audit rows, so that no check can be raced
    /// past — by another request or another API instance: when two writers' checks and writes overlap (two enrolments
    /// counting the same program's last free place), PostgreSQL fails one of them, which is run again from the start
    /// and then sees the other's write. Anything refused — by a check, by a unique index or by a concurrent writer —
    /// rolls it back and comes back as errors; the tracker is cleared either way so that the next mutation of the
    /// request starts clean.
    /// </summary>
    private async Task<MutationPayload> InTransactionAsync(MutationContext context, Func<Task<MutationPayload?>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            context.Errors.Clear();
            context.Warnings.Clear();
            try
            {
                return await AttemptAsync(context, work);
            }
            catch (Exception e) when (DatabaseFaults.IsConflictWithAnother(e) && _db.Database.CurrentTransaction is null)
            {
                _db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    context.Errors.Clear();
                    context.Error(null, MutationCodes.ConcurrentUpdate,
                        $"Other writers kept changing the same records ({MaxAttempts} attempts); nothing was saved. Retry.");
                    return new MutationPayload { TypeName = spec.TypeName, Errors = context.Errors.ToList() };
                }
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), _cancellationToken);
            }
        }
    }

    private const int MaxAttempts = 10;

    private async Task<MutationPayload> AttemptAsync(MutationContext context, Func<Task<MutationPayload?>> work)
    {
        // Nothing is written before the transaction begins, so beginning it may be tried on a fresh connection.
        var transaction = _db.Database.CurrentTransaction is null
            ? await DatabaseFaults.OnFreshConnectionIfStaleAsync(() =>
                _db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, _cancellationToken))
            : null;
        try
        {
            var payload = await work();
            if (payload is not null)
            {
                if (transaction is not null) await transaction.CommitAsync(_cancellationToken);
                return payload;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            context.Errors.Clear();
            context.Error("version", MutationCodes.ConcurrentUpdate,
                $"This {Naming.Words(spec.TypeName, 1)} was changed or deleted by someone else since you read it; " +
                    "read it again (its new `version`) and retry.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // A writer got in between the check and the save: the index says what the check would have said.
            context.Errors.Clear();
            var index = _entityType.GetIndexes().FirstOrDefault(i => i.GetDatabaseName() == unique.ConstraintName);
            if (index is not null) context.Errors.Add(UniqueError(index, null));
            else context.Error(null, MutationCodes.NotUnique, $"Another record has the same values ({unique.ConstraintName}).");
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } foreignKey)
        {
            context.Errors.Clear();
            context.Error(_deleting ? "id" : null, _deleting ? MutationCodes.Referenced : MutationCodes.InvalidReference,
                $"A related record was added or deleted meanwhile ({foreignKey.ConstraintName}); read again and retry.");
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            _db.ChangeTracker.Clear();
        }
        return new MutationPayload { TypeName = spec.TypeName, Errors = context.Errors.ToList(), Warnings = Nullify(context.Warnings) };
    }

    /// <summary>The record named by <c>id</c>, tracked, when <c>version</c> is still its row version.</summary>
    private async Task<T?> FindAsync(MutationContext context)
    {
        if (Decode(request.Input["id"] as string) is not { } id || id.Type != spec.TypeName)
        {
            context.Error("id", MutationCodes.InvalidReference, $"'id' must be the global id of {Naming.A(spec.TypeName)}.");
            return null;
        }
        var entity = await _db.Set<T>().FindAsync([id.Key], _cancellationToken);
        if (entity is null)
        {
            context.Error("id", MutationCodes.NotFound,
                $"There is no {Naming.Words(spec.TypeName, 1)} with this id; it may have been deleted.");
            return null;
        }
        var version = Convert.ToInt64(request.Input["version"]);
        if (version != entity.Version)
        {
            context.Error("version", MutationCodes.ConcurrentUpdate,
                $"This {Naming.Words(spec.TypeName, 1)} was changed by someone else since you read it " +
                    $"(version {version}, now {entity.Version}); read it again and retry.");
            return null;
        }
        // EF adds "AND xmin = @version" to the UPDATE or DELETE, so a writer in between makes it fail.
        _db.Entry(entity).Property(e => e.Version).OriginalValue = (uint)version;
        return entity;
    }

    /// <summary>Normalises and checks every given field, resolves references, then maps the values onto the entity.</summary>
    private async Task ApplyAsync(MutationContext context, T entity)
    {
        var values = new Dictionary<string, object?>();
        var cleared = new List<PropertyInfo>();
        foreach (var field in spec.Fields)
        {
            if (!request.Input.TryGetValue(field.Name, out var value)) continue;
            switch (field.Kind)
            {
                case InputKind.Scalar:
                    if (value is not null && field.Normalize is { } normalize) value = normalize(value);
                    if (value is null)
                    {
                        if (field.Required)
                            context.Error(field.Name, MutationCodes.Required, $"'{field.Name}' is required; it may not be empty.");
                        else cleared.Add(field.Property!);
                        break;
                    }
                    var failed = false;
                    foreach (var check in field.Checks)
                    {
                        if (check(value) is not { } error) continue;
                        context.Error(field.Name, error.Code, error.Message);
                        failed = true;
                    }
                    if (!failed) values[field.Property!.Name] = value;
                    break;

                case InputKind.Reference:
                    if (value is null)
                    {
                        if (field.Required) context.Error(field.Name, MutationCodes.Required, $"'{field.Name}' is required.");
                        else cleared.Add(field.Property!);
                        break;
                    }
                    if (await ResolveAsync(context, field, (string)value, entity) is { } referenced)
                        values[field.Property!.Name] = referenced.Id;
                    break;

                case InputKind.Many:
                    var targets = new List<object>();
                    foreach (var id in (value as IEnumerable<object?> ?? []).OfType<string>().Distinct())
                        if (await ResolveAsync(context, field, id, entity) is { } member) targets.Add(member);
                    if (context.HasError(field.Name)) break;
                    var collection = _db.Entry(entity).Collection(field.Property!.Name);
                    if (!context.IsCreate) await collection.LoadAsync(_cancellationToken);
                    var current = (System.Collections.IList)field.Property!.GetValue(entity)!;
                    current.Clear();
                    foreach (var target in targets) current.Add(target);
                    break;
            }
        }
        values.Adapt(entity, typeof(Dictionary<string, object?>), typeof(T), Mapping);
        foreach (var property in cleared) property.SetValue(entity, null);
    }

    /// <summary>The record a global id names, when it exists and has the type the field takes; else an INVALID_REFERENCE error.</summary>
    private async Task<Entity?> ResolveAsync(MutationContext context, InputField field, string id, T entity)
    {
        var wanted = field.Target!.Name;
        var decoded = Decode(id);
        if (decoded is null)
        {
            context.Error(field.Name, MutationCodes.InvalidReference,
                $"'{id}' is not an id of this registry; '{field.Name}' takes the id of {Naming.A(wanted)}.");
            return null;
        }
        if (decoded.Value.Type != wanted)
        {
            context.Error(field.Name, MutationCodes.InvalidReference,
                $"'{id}' is the id of {Naming.A(decoded.Value.Type)}; '{field.Name}' takes the id of {Naming.A(wanted)}.");
            return null;
        }
        if (field.Target == typeof(T) && decoded.Value.Key == entity.Id && !context.IsCreate)
        {
            context.Error(field.Name, MutationCodes.InvalidReference, $"{Naming.A(wanted)} cannot refer to itself in '{field.Name}'.");
            return null;
        }
        if (await _db.FindAsync(field.Target, [decoded.Value.Key], _cancellationToken) is Entity found) return found;
        context.Error(field.Name, MutationCodes.InvalidReference, $"There is no {Naming.Words(wanted, 1)} with id '{id}'.");
        return null;
    }

    /// <summary>Each unique index of the table (read from the EF model) is checked with the values the row would have.</summary>
    private async Task CheckUniqueAsync(MutationContext context, T entity)
    {
        foreach (var index in _entityType.GetIndexes().Where(i => i.IsUnique))
        {
            var properties = index.Properties;
            // Unchanged columns cannot newly collide, and a column that already has an error is not judged twice.
            var fields = properties.Select(p => FieldOf(p.Name)).ToList();
            if (!context.IsCreate && !fields.Any(f => f is not null && context.Provided(f.Name))) continue;
            if (fields.Any(f => f is not null && context.HasError(f.Name))) continue;
            var values = properties.Select(p => p.PropertyInfo!.GetValue(entity)).ToList();
            if (index.GetAreNullsDistinct() != false && values.Any(v => v is null)) continue;

            var x = Expression.Parameter(typeof(T), "x");
            Expression match = Expression.NotEqual(Expression.Property(x, nameof(Entity.Id)), Expression.Constant(entity.Id));
            for (var i = 0; i < properties.Count; i++)
                match = Expression.AndAlso(match, Expression.Equal(
                    Expression.Property(x, properties[i].PropertyInfo!), Expression.Constant(values[i], properties[i].ClrType)));
            if (await _db.Set<T>().AnyAsync(Expression.Lambda<Func<T, bool>>(match, x), _cancellationToken))
                context.Errors.Add(UniqueError(index, values));
        }
    }

    private UserError UniqueError(IIndex index, IReadOnlyList<object?>? values)
    {
        // Name the field a person would change: the first column that is not a relation (name, creditCode, asOf), else the first.
        var property = index.Properties.FirstOrDefault(p => !p.IsForeignKey()) ?? index.Properties[0];
        var field = FieldOf(property.Name)?.Name ?? NameCase.CamelCase(property.Name);
        if (spec.UniqueErrors.TryGetValue(property.Name, out var custom)) return new UserError(field, custom.Message, custom.Code);
        var columns = string.Join(", ", index.Properties.Select((p, i) =>
            $"{FieldOf(p.Name)?.Name ?? NameCase.CamelCase(p.Name)}{(values is null ? "" : $" = '{values[i] ?? "null"}'")}"));
        return new UserError(field, $"Another {Naming.Words(spec.TypeName, 1)} already has {columns}; it must be unique.",
            MutationCodes.NotUnique);
    }

    /// <summary>
    /// Refuses to delete a record that others point to, naming them. Relations declared as cascading in the model
    /// (an indicator's values) are loaded so that their deletion is audited too; many-to-many links this entity
    /// owns (its citations) go with it; links other records own count as references.
    /// </summary>
    private async Task CheckReferrersAsync(MutationContext context, T entity)
    {
        var referrers = new List<string>();
        foreach (var foreignKey in _entityType.GetReferencingForeignKeys().Where(fk => !fk.DeclaringEntityType.IsPropertyBag))
        {
            if (foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
            {
                if (foreignKey.PrincipalToDependent is { } dependents)
                    await _db.Entry(entity).Navigation(dependents.Name).LoadAsync(_cancellationToken);
                continue;
            }
            var count = await CountAsync(foreignKey.DeclaringEntityType.ClrType, foreignKey.Properties[0].PropertyInfo!, entity.Id);
            if (count > 0)
                referrers.Add($"{count} {Naming.Words(foreignKey.DeclaringEntityType.ClrType.Name, count)} " +
                    $"({NameCase.CamelCase(foreignKey.DependentToPrincipal?.Name ?? foreignKey.Properties[0].Name)})");
        }
        foreach (var skip in _entityType.GetSkipNavigations())
        {
            if (spec.Fields.Any(f => f.Kind == InputKind.Many && f.Property!.Name == skip.Name)) continue;
            var query = _db.Entry(entity).Collection(skip.Name).Query();
            var count = await (Task<int>)CountQueryMethod.MakeGenericMethod(query.ElementType).Invoke(null, [query, _cancellationToken])!;
            if (count > 0)
                referrers.Add(
                    $"{count} {Naming.Words(skip.TargetEntityType.ClrType.Name, count)} ({NameCase.CamelCase(skip.Inverse.Name)})");
        }
        if (referrers.Count > 0)
            context.Error("id", MutationCodes.Referenced,
                $"{Naming.Words(spec.TypeName, 1)} {Describe(entity)} is referenced by {string.Join(", ", referrers)}; " +
                    "change or delete those first.");
    }

    private Task<int> CountAsync(Type dependent, PropertyInfo foreignKey, int key) =>
        (Task<int>)CountWhereMethod.MakeGenericMethod(dependent).Invoke(null, [_db, foreignKey, key, _cancellationToken])!;

    private static readonly MethodInfo CountWhereMethod =
        typeof(MutationEngine<T>).GetMethod(nameof(CountWhere), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CountQueryMethod =
        typeof(MutationEngine<T>).GetMethod(nameof(CountQuery), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<int> CountWhere<TDependent>(DbContext db, PropertyInfo foreignKey, int key, CancellationToken cancellationToken)
        where TDependent : class
    {
        var d = Expression.Parameter(typeof(TDependent), "d");
        var match = Expression.Equal(
            Expression.Property(d, foreignKey), Expression.Convert(Expression.Constant(key), foreignKey.PropertyType));
        return db.Set<TDependent>().CountAsync(Expression.Lambda<Func<TDependent, bool>>(match, d), cancellationToken);
    }

    private static Task<int> CountQuery<TElement>(IQueryable query, CancellationToken cancellationToken) =>
        ((IQueryable<TElement>)query).CountAsync(cancellationToken);

    private InputField? FieldOf(string propertyName) => spec.Fields.FirstOrDefault(f => f.Property?.Name == propertyName);

    /// <summary>How messages name a record: its label in quotes, else its id.</summary>
    private string Describe(T entity) => spec.Model.LabelOf(entity) is { } label ? $"'{label}'" : $"#{entity.Id}";

    private static (string Type, int Key)? Decode(string? id) =>
        id is not null && GlobalId.TryDecode(id, out var type, out var key) ? (type, key) : null;

    private static IReadOnlyList<UserError>? Nullify(List<UserError> list) => list.Count == 0 ? null : list.ToList();

    /// <summary>
    /// Dictionary → entity for the given scalars only: absent keys and nulls leave a property alone (clears are explicit).
    /// </summary>
    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        var scalars = typeof(T).GetProperties().Where(p => IsScalar(p.PropertyType)).Select(p => p.Name).ToHashSet();
        config.ForType(typeof(Dictionary<string, object?>), typeof(T))
            .IgnoreNullValues(true)
            .IgnoreMember((member, side) => side == MemberSide.Destination && !scalars.Contains(member.Name));
        return config;
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
               || underlying == typeof(DateOnly)
               || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && IsScalar(type.GetGenericArguments()[0]));
    }
}
