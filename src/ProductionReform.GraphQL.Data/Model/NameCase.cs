namespace ProductionReform.GraphQL.Data.Model;

/// <summary>How the schema spells names: properties and plurals as camelCase fields, lists and columns.</summary>
public static class NameCase
{
    /// <summary><c>IssuerEnterprise</c> → <c>issuerEnterprise</c>.</summary>
    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
