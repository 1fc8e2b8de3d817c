using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Sorting;

/// <summary><c>enum SortEnumType { ASC DESC }</c>, as HotChocolate names it.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType<SortEnumType>
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort key.";
    }
}
