using System.Runtime.CompilerServices;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductionReform.Api.Http;
using ProductionReform.Domain;

namespace ProductionReform.Api.Access;

/// <summary>
/// Refuses, before execution and so before any write, a document that touches a field or type that needs a
/// role the caller lacks: mutations need EDITOR, the audit trail and key management need ADMIN.
/// </summary>
public sealed class RoleValidationRule : ValidationRuleBase
{
    private const string MetadataKey = "ProductionReform.RequiredRole";

    public static void Require<T>(T target, RegistryRole role) where T : IMetadataWriter => target.Metadata[MetadataKey] = role;

    /// <summary>The role a field or type was marked with, for gates outside GraphQL (the CSV export).</summary>
    public static RegistryRole? RequiredRole(IMetadataReader? target) => target?.GetMetadata<RegistryRole?>(MetadataKey);

    // The roles a document needs depend on the document alone: found in one walk, then checked for each caller, so a
    // cached document asked again by a caller who has them is not walked again.
    private static readonly ConditionalWeakTable<GraphQLDocument, HashSet<RegistryRole>> Needed = new();

    /// <summary>Whether <paramref name="user"/> has every role <paramref name="document"/> needs, once a walk has found them.</summary>
    public static bool Admits(GraphQLDocument document, ClaimsPrincipal? user) =>
        Needed.TryGetValue(document, out var needed) && needed.All(role => user.IsInRole(role));

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (Admits(context.Document, context.User))
            return default;
        var found = new HashSet<RegistryRole>();
        return new(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLField>((field, validation) => Check(field, validation, found)),
            new MatchingNodeVisitor<GraphQLDocument>(leave: (document, _) => Needed.AddOrUpdate(document, found))));
    }

    private static void Check(GraphQLField field, ValidationContext validation, HashSet<RegistryRole> found)
    {
        var required = new[]
            {
                validation.TypeInfo.GetFieldDef() as IMetadataReader,
                validation.TypeInfo.GetParentType()?.GetNamedType() as IMetadataReader,
            }
            .Select(target => target?.GetMetadata<RegistryRole?>(MetadataKey))
            .Where(role => role is not null)
            .Max();
        if (required is not { } role) return;
        found.Add(role);
        if (validation.User.IsInRole(role)) return;
        var who = validation.User?.Identity?.IsAuthenticated == true ? $"'{validation.User.Identity.Name}'" : "an anonymous caller";
        validation.ReportError(new ValidationError(validation.Document.Source, null,
            $"'{field.Name.StringValue}' needs the {RegistryAuthentication.RoleName(role)} role; {who} does not have it. "
            + "Send `Authorization: Bearer <key>`.", field)
        {
            Code = ErrorCodes.NotAuthorized,
        });
    }
}
