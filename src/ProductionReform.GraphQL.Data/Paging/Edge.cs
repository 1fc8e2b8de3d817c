namespace ProductionReform.GraphQL.Data.Paging;

public sealed record Edge(string Cursor, object Node);
