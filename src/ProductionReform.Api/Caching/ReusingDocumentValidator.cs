using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductionReform.Api.Access;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Caching;

/// <summary>
/// GraphQL.NET's validator, which answers an operation without variables of a document it validated before with the
/// result it had, when the caller has the roles the document needs: validating it again would walk the same document
/// to parse the same literal arguments (8 % of the API's CPU on a flat page, with no rule left to run). The operation's
/// cost, which the request limits left in the user context, is put back for <c>extensions.cost</c>.
/// </summary>
public sealed class ReusingDocumentValidator : IDocumentValidator
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, Validated> Results = new();

    private readonly DocumentValidator _validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var operation = options.Operation;
        if (operation.Variables is { Items.Count: > 0 }) return _validator.ValidateAsync(options);
        if (Results.TryGetValue(operation, out var validated) && RoleValidationRule.Admits(options.Document, options.User))
        {
            options.UserContext[RequestLimitsRule.CostKey] = validated.Cost;
            return Task.FromResult(validated.Result);
        }
        return ValidateAndKeepAsync(options);
    }

    private async Task<IValidationResult> ValidateAndKeepAsync(ValidationOptions options)
    {
        var result = await _validator.ValidateAsync(options);
        if (result.IsValid && options.UserContext.TryGetValue(RequestLimitsRule.CostKey, out var cost) && cost is long known)
            Results.AddOrUpdate(options.Operation, new Validated(result, known));
        return result;
    }

    private sealed record Validated(IValidationResult Result, long Cost);
}
