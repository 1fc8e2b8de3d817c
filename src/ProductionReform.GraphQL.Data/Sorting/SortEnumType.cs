namespace ProductionReform.GraphQL.Data.Sorting;

public enum SortEnumType { Asc, Desc }
