using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Sorting;

public enum SortEnumType { Asc, Desc }
