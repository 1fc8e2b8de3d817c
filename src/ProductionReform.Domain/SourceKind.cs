namespace ProductionReform.Domain;

public enum SourceKind { Article, Policy, Dataset, Reference }
