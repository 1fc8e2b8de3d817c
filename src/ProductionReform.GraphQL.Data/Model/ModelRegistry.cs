namespace ProductionReform.GraphQL.Data.Model;

/// <summary>Every entity model of the schema, by CLR type and by GraphQL type name.</summary>
public sealed class ModelRegistry
{
    private readonly Dictionary<Type, EntityModel> _byType = [];
    private readonly Dictionary<string, EntityModel> _byName = [];

    public EntityModel this[Type clrType] => _byType.TryGetValue(clrType, out var model)
        ? model
        : throw new InvalidOperationException($"{clrType.Name} is not an entity of this schema; declare an EntityGraphType for it.");

    public IEnumerable<EntityModel> All => _byType.Values;

    public EntityModel? FindByName(string name) => _byName.GetValueOrDefault(name);

    internal void Add(EntityModel model)
    {
        _byType.Add(model.ClrType, model);
        _byName.Add(model.Name, model);
    }
}
