namespace ProductionReform.Domain;

public class Source : Entity
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public string? Author { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The year of publication, kept apart because a source may give no exact day.</summary>
    public int? PublishedYear { get; set; }
    public SourceKind Kind { get; set; }
    public string? Url { get; set; }
    public ICollection<Citation> Citations { get; set; } = [];
}
