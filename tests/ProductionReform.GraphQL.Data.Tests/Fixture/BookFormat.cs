namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public enum BookFormat { Hardcover, Paperback, Ebook, Audiobook }
