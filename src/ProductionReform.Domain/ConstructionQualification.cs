namespace ProductionReform.Domain;

public enum ConstructionQualification { SpecialGrade, Grade1, Grade2, Grade3 }
