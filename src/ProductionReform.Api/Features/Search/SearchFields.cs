using System.Text;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductionReform.Data;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Paging;

using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.Api.Features.Search;

/// <summary>
/// <c>search(text:, types:, first:, after:): SearchConnection</c>: full-text-ish search over names, titles and
/// descriptions in Chinese and English. One statement ranks and pages the hits; then one statement per
/// type of hit loads the selected fields of the nodes.
/// </summary>
public static class SearchFields
{
    public const int MaxTextLength = 200;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const string CursorPrefix = "search:";

    public static void AddTo(ObjectGraphType query, NodeLoader loader)
    {
        var models = loader.Models;
        var hit = new SearchHitType();
        var connection = new SearchConnectionType(hit, new SearchEdgeType(hit));
        var targets = SearchTarget.Of(models);

        query.AddField(new FieldType
        {
            Name = "search",
            Description = "Search 搜索 the names, titles and descriptions of the registry, in Chinese and English (case-insensitive): " +
                          "exact matches first, then prefix, substring and similar-spelling (trigram) matches.",
            ResolvedType = new NonNullGraphType(connection),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(new StringGraphType()))
                {
                    Name = "text", Description = $"The text to look for 搜索词 (1–{MaxTextLength} characters, not only spaces)."
                },
                new QueryArgument(new ListGraphType(new NonNullGraphType(new SearchableTypeGraphType(targets))))
                {
                    Name = "types", Description = "Only these kinds of record 类型; omit (or leave empty) for all."
                },
                new QueryArgument(new IntGraphType())
                {
                    Name = "first", Description = $"Returns the first n hits (default {DefaultPageSize}, maximum {MaxPageSize})."
                },
                new QueryArgument(new StringGraphType()) { Name = "after", Description = "Returns the hits after this cursor." }),
            Resolver = new FuncFieldResolver<object>(async context =>
            {
                // Every argument is checked before any SQL runs.
                var text = context.GetArgument<string>("text") ?? "";
                if (string.IsNullOrWhiteSpace(text))
                    throw new DataError("INVALID_SEARCH_TEXT", "'text' must contain something to search for; it is empty or only spaces.");
                if (text.Length > MaxTextLength)
                    throw DataError.LimitExceeded("maxSearchTextLength", MaxTextLength, text.Length, "The length of 'text'");
                text = text.Trim();

                var pageSize = PagingArguments.PageSize(context.GetArgument<int?>("first"), "first", DefaultPageSize, MaxPageSize);
                var after = context.GetArgument<string?>("after");
                var offset = after is null ? 0 : DecodeCursor(after);

                var wanted = context.GetArgument<List<string>?>("types") is { Count: > 0 } types ? types.ToHashSet() : null;
                var searched = targets.Where(t => wanted is null || wanted.Contains(t.Value)).ToList();

                var selection = context.FieldAst.SelectionSet is { } set ? new[] { set } : [];
                var wantsTotal = Selects(selection, context.Document, "totalCount");

                var db = context.RequestServices!.GetRequiredService<RegistryDbContext>();
                // One row more than the page tells whether another page follows.
                var rows = await SearchSql.RunAsync(db, searched,
                    text, offset, pageSize + 1, wantsTotal, context.CancellationToken);
                var total = wantsTotal ? (int?)(rows.FirstOrDefault()?.Total ?? 0) : null;
                var hits = rows.Where(r => r.Id is not null).ToList();
                var more = hits.Count > pageSize;
                hits = hits.Take(pageSize).ToList();

                // The nodes' selected fields, one statement per type of hit.
                var nodeSelections = SelectionsAt(selection, context.Document, "edges", "node", "node")
                    .Concat(SelectionsAt(selection, context.Document, "nodes", "node")).ToList();
                var wantsNodes = nodeSelections.Count > 0;
                var nodes = wantsNodes
                    ? await loader.LoadAsync(context, hits.Select(h => (h.TypeName!, h.Id!.Value)), nodeSelections)
                    : [];

                var edges = new List<Edge>();
                for (var i = 0; i < hits.Count; i++)
                {
                    var row = hits[i];
                    var node = nodes.GetValueOrDefault((row.TypeName!, row.Id!.Value));
                    // A record deleted between the two statements is left out rather than failing the page.
                    if (wantsNodes && node is null) continue;
                    edges.Add(new Edge(EncodeCursor(offset + i + 1), new SearchHit(row.Score ?? 0, node!, row.Field)));
                }
                var pageInfo = new PageInfo(more, offset > 0, edges.FirstOrDefault(), edges.LastOrDefault());
                return new SearchPage(edges, pageInfo, total);
            }),
        });
    }

    /// <summary>Opaque cursors: the position of a hit in the ranking (offset paging).</summary>
    internal static string EncodeCursor(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + position));

    internal static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), System.Globalization.NumberStyles.None, null, out var position))
                return position;
        }
        catch (FormatException)
        {
        }
        throw DataError.InvalidCursor("'after' is not a cursor of search; use a cursor from edges.cursor or pageInfo.");
    }

    /// <summary>The selection sets reached by following the field names of <paramref name="path"/> (through fragments).</summary>
    private static List<GraphQLSelectionSet> SelectionsAt(
        IEnumerable<GraphQLSelectionSet> selection, GraphQLDocument document, params string[] path) =>
        path.Aggregate(selection.ToList(), (sets, name) => SelectionSets.Under(sets, document, name).ToList());

    /// <summary>Whether the field at the end of <paramref name="path"/> is selected (through fragments).</summary>
    private static bool Selects(IEnumerable<GraphQLSelectionSet> selection, GraphQLDocument document, params string[] path) =>
        SelectionSets.Selects(SelectionsAt(selection, document, path[..^1]), document, path[^1]);
}
