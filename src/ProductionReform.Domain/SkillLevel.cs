namespace ProductionReform.Domain;

public enum SkillLevel { Apprentice, Level5, Level4, Level3, Level2, Level1, PrincipalTechnician, ChiefTechnician }
