using GraphQLParser;
using GraphQLParser.AST;

namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>
/// The fields a query selects on an object type, through fragments and inline fragments, grouped by field
/// name (aliases of one field share its columns). Directives are not evaluated: reading a column that
/// @skip leaves out costs little, missing one would be wrong.
/// </summary>
internal static class SelectionCollector
{
    public static Dictionary<string, List<GraphQLField>> Collect(
        IEnumerable<GraphQLSelectionSet> selectionSets, GraphQLDocument document, Func<string, bool> appliesTo)
    {
        var fields = new Dictionary<string, List<GraphQLField>>();
        foreach (var selectionSet in selectionSets) Add(selectionSet, document, appliesTo, fields, depth: 0);
        return fields;
    }

    /// <summary>The selection sets under <paramref name="name"/> among the collected fields.</summary>
    public static IEnumerable<GraphQLSelectionSet> Under(Dictionary<string, List<GraphQLField>> fields, string name) =>
        fields.TryGetValue(name, out var list) ? list.Select(f => f.SelectionSet).OfType<GraphQLSelectionSet>() : [];

    private static void Add(GraphQLSelectionSet selectionSet, GraphQLDocument document, Func<string, bool> appliesTo,
        Dictionary<string, List<GraphQLField>> fields, int depth)
    {
        // Validation has already refused fragment cycles; the bound only guards against surprises.
        if (depth > 64) return;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (!fields.TryGetValue(name, out var list)) fields[name] = list = [];
                    list.Add(field);
                    break;
                case GraphQLInlineFragment inline
                    when inline.TypeCondition is null || appliesTo(inline.TypeCondition.Type.Name.StringValue):
                    Add(inline.SelectionSet, document, appliesTo, fields, depth + 1);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = document.FindFragmentDefinition(spread.FragmentName.Name);
                    if (fragment is not null && appliesTo(fragment.TypeCondition.Type.Name.StringValue))
                        Add(fragment.SelectionSet, document, appliesTo, fields, depth + 1);
                    break;
            }
        }
    }
}
