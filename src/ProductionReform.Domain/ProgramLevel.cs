namespace ProductionReform.Domain;

public enum ProgramLevel { Provincial, City }
