namespace ProductionReform.Domain;

public enum PilotStatus { Active, Completed, Withdrawn }
