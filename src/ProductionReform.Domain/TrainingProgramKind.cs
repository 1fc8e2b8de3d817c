namespace ProductionReform.Domain;

public enum TrainingProgramKind { TrainingSystem, TrainingPackage, WorkStudyIntegration, Other }
