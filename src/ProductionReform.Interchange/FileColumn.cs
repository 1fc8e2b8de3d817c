using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Interchange;

/// <summary>
/// A column of an entity list's file, the same for export and import: <c>id</c> (the global id, <see cref="Field"/>
/// null), then the entity's scalar fields and to-one relations in the order the type declares them, named as in
/// GraphQL. To-many relations are left out.
/// </summary>
public sealed record FileColumn(string Name, DataField? Field)
{
    /// <summary>The columns of <paramref name="model"/>'s file, in file order.</summary>
    public static IReadOnlyList<FileColumn> Of(EntityModel model) =>
    [
        new("id", null),
        .. model.Fields.Where(f => f is ScalarField or ReferenceField).Select(f => new FileColumn(f.Name, f)),
    ];
}
