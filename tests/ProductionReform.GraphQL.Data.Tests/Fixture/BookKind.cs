namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public enum BookKind { Novel, Poetry, Essay }
