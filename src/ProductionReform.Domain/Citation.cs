namespace ProductionReform.Domain;

/// <summary>An exact quote of a source that states one or more facts of the registry.</summary>
public class Citation : Entity
{
    public required string Code { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    public required string Quote { get; set; }
    /// <summary>The fields (camelCase, as in the schema) of the cited records whose values this quote states.</summary>
    public List<string> Supports { get; set; } = [];
    /// <summary>
    /// True when the cited fields are the registry's reading of the quote, not what it says in so many words
    /// (e.g. "2016年以来" read as from 2016-01-01); <see cref="Note"/> says what was inferred.
    /// </summary>
    public bool IsInference { get; set; }
    public string? Note { get; set; }
    public ICollection<Region> Regions { get; set; } = [];
    public ICollection<Industry> Industries { get; set; } = [];
    public ICollection<Enterprise> Enterprises { get; set; } = [];
    public ICollection<PilotProgram> PilotPrograms { get; set; } = [];
    public ICollection<PolicyDocument> PolicyDocuments { get; set; } = [];
    public ICollection<ReformMeasure> ReformMeasures { get; set; } = [];
    public ICollection<SkillStandard> SkillStandards { get; set; } = [];
    public ICollection<Occupation> Occupations { get; set; } = [];
    public ICollection<InnovationStudio> InnovationStudios { get; set; } = [];
    public ICollection<TrainingProgram> TrainingPrograms { get; set; } = [];
    public ICollection<PracticeCase> PracticeCases { get; set; } = [];
    public ICollection<IndicatorValue> IndicatorValues { get; set; } = [];
}
