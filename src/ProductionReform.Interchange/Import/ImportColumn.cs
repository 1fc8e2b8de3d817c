namespace ProductionReform.Interchange.Import;

/// <summary>A column of an import file.</summary>
public abstract class ImportColumn(string name)
{
    public string Name { get; } = name;
    public override string ToString() => Name;
}
