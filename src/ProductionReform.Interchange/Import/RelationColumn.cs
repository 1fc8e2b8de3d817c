using Microsoft.EntityFrameworkCore.Metadata;

namespace ProductionReform.Interchange.Import;

/// <summary>A to-one relation, given as the related record's name, title or code (as the export writes it) or its global id.</summary>
public sealed class RelationColumn : ImportColumn
{
    internal RelationColumn(string name, INavigation navigation, IReadOnlyList<ImportLabel> targetLabels) : base(name)
    {
        Navigation = navigation;
        TargetLabels = targetLabels;
        Target = navigation.TargetEntityType;
        Required = navigation.ForeignKey.IsRequired;
        var foreignKey = navigation.ForeignKey.Properties[0].PropertyInfo!;
        GetForeignKey = ImportDefinition.Getter(foreignKey);
        SetForeignKey = ImportDefinition.Setter(foreignKey);
        SetNavigation = ImportDefinition.Setter(navigation.PropertyInfo!);
    }

    public INavigation Navigation { get; }
    public IEntityType Target { get; }

    /// <summary>The labels the related record may be named by.</summary>
    public IReadOnlyList<ImportLabel> TargetLabels { get; }

    public bool Required { get; }
    internal Func<object, object?> GetForeignKey { get; }
    internal Action<object, object?> SetForeignKey { get; }
    internal Action<object, object?> SetNavigation { get; }
}
