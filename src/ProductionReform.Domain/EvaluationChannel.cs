namespace ProductionReform.Domain;

public enum EvaluationChannel { SkillLevelRecognition, QualificationAppraisal, SpecialAbilityAssessment }
