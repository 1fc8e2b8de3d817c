namespace ProductionReform.Domain;

public enum IndustryKind { Pillar, Leading, Other }
