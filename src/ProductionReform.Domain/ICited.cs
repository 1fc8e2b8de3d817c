namespace ProductionReform.Domain;

/// <summary>A record that states facts and so carries the citations that state them.</summary>
public interface ICited
{
    ICollection<Citation> Sources { get; }
}
