using GraphQLParser.AST;

namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>For fields outside the data layer that return its types: what a query selects under a field.</summary>
public static class SelectionSets
{
    /// <summary>The selection sets of <paramref name="field"/> within <paramref name="selectionSets"/>, through fragments.</summary>
    public static IReadOnlyCollection<GraphQLSelectionSet> Under(
        IEnumerable<GraphQLSelectionSet> selectionSets, GraphQLDocument document, string field) =>
        SelectionCollector.Under(SelectionCollector.Collect(selectionSets, document, _ => true), field).ToList();

    /// <summary>Whether <paramref name="field"/> is selected within <paramref name="selectionSets"/>, through fragments.</summary>
    public static bool Selects(IEnumerable<GraphQLSelectionSet> selectionSets, GraphQLDocument document, string field) =>
        SelectionCollector.Collect(selectionSets, document, _ => true).ContainsKey(field);
}
