namespace ProductionReform.Domain;

public enum RegionKind { City, District, CountyLevelCity, County, DevelopmentZone, Township, Subdistrict, IndustrialPark }

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
    KnowledgePropertyBank, CrowdInnovationBank, MicroInnovationBank, CulturePointsBank,
}

public enum TrainingProgramKind { TrainingSystem, TrainingPackage, WorkStudyIntegration, Other }

public enum SourceKind { Article, Policy, Dataset, Reference }
