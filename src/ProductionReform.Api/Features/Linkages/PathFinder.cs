using ProductionReform.Data.Linkages;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Linkages;

/// <summary>Simple paths between two records over the edges found, shortest first.</summary>
internal static class PathFinder
{
    public sealed record Path(IReadOnlyList<NodeRef> Nodes, IReadOnlyList<LinkEdgeRow> Edges);

    /// <param name="distanceToEnd">Each candidate's distance to <paramref name="to"/>: a branch that cannot arrive in time is cut.</param>
    public static List<Path> Find(NodeRef from, NodeRef to, int maxLength, IReadOnlyList<LinkEdgeRow> edges,
        IReadOnlyDictionary<NodeRef, int> distanceToEnd, int first)
    {
        var neighbours = edges
            .SelectMany(e => new[] { (Node: e.From, Next: e.To, Edge: e), (Node: e.To, Next: e.From, Edge: e) })
            .GroupBy(x => x.Node)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.Next, x.Edge)).ToList());

        var found = new List<Path>();
        var nodes = new List<NodeRef> { from };
        var path = new List<LinkEdgeRow>();
        // Enough paths to choose the shortest `first` from, without enumerating a dense graph whole.
        var enough = first * 20;
        Walk(from);
        // Among paths of one length, those through stated relations come before those through shared quotes.
        return found
            .OrderBy(p => p.Edges.Count)
            .ThenBy(p => p.Edges.Count(e => e.Kind is LinkKind.Cites or LinkKind.Quotes))
            .Take(first)
            .ToList();

        void Walk(NodeRef node)
        {
            if (found.Count >= enough) return;
            if (node == to)
            {
                found.Add(new Path(nodes.ToList(), path.ToList()));
                return;
            }
            foreach (var (next, edge) in neighbours.GetValueOrDefault(node) ?? [])
            {
                if (nodes.Contains(next) || path.Count + 1 + distanceToEnd.GetValueOrDefault(next, int.MaxValue / 2) > maxLength) continue;
                nodes.Add(next);
                path.Add(edge);
                Walk(next);
                nodes.RemoveAt(nodes.Count - 1);
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
