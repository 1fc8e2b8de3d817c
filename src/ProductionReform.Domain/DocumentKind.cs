namespace ProductionReform.Domain;

public enum DocumentKind { Measures, ImplementationOpinion, Notice, Standard }
