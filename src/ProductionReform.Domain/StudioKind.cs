using System.ComponentModel;

namespace ProductionReform.Domain;

public enum RegionKind
{
    City, District, CountyLevelCity, County, DevelopmentZone, Township, Subdistrict, IndustrialPark,

    [Description("An area made of several divisions, without a division code of its own (市区, the urban districts).")]
    AggregateArea,
}

/// <summary>How exactly the source states a figure.</summary>
public enum ValueQualifier
{
    [Description("The figure as stated, without a qualifier.")]
    Exact,

    [Description("近 / 约: nearly, about; the true figure is close to this one.")]
    Approximate,

    [Description("多 / 以上: more than; the figure is a lower bound.")]
    AtLeast,
}

public enum IndustryKind { Pillar, Leading, Other }

public enum ConstructionQualification { SpecialGrade, Grade1, Grade2, Grade3 }

public enum ProgramLevel { Provincial, City }

public enum PilotStatus { Active, Completed, Withdrawn }

public enum DocumentKind { Measures, ImplementationOpinion, Notice, Standard }

public enum EvaluationChannel { SkillLevelRecognition, QualificationAppraisal, SpecialAbilityAssessment }

public enum SkillLevel { Apprentice, Level5, Level4, Level3, Level2, Level1, PrincipalTechnician, ChiefTechnician }

public enum StudioKind
{
    ModelWorkerStudio, CraftsmanStudio, WorkerStudio, StudioCluster,

    [Description("知识产权银行, an intellectual property bank (the value keeps the first design's term, knowledge-property bank, for " +
        "compatibility).")]
    KnowledgePropertyBank,

    [Description("众创银行, a mass-innovation bank.")]
    CrowdInnovationBank,

    MicroInnovationBank, CulturePointsBank,
}

public enum TrainingProgramKind { TrainingSystem, TrainingPackage, WorkStudyIntegration, Other }

public enum SourceKind { Article, Policy, Dataset, Reference }
