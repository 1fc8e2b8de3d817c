using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductionReform.Api.Http;

namespace ProductionReform.Api.Limits;

/// <summary>
/// A document refused for a limit, during validation (before anything runs): code <c>LIMIT_EXCEEDED</c>
/// with <c>extensions.limit</c> (the setting's name), <c>maximum</c> and <c>measured</c>, like the data
/// layer's refusals.
/// </summary>
public sealed class LimitExceededError : ValidationError
{
    public LimitExceededError(ValidationContext context, ASTNode node, string limit, long maximum, long measured, string what)
        : base(context.Document.Source, null, $"{what} is {measured}; the maximum is {maximum}.", node)
    {
        Code = ErrorCodes.LimitExceeded;
        this.AddExtension("limit", limit).AddExtension("maximum", maximum).AddExtension("measured", measured);
    }

    /// <summary>A limit met while running (subscriptions at once …), reported as a validation refusal is.</summary>
    public static ExecutionError Refusal(string limit, long maximum, long measured, string what) =>
        new ExecutionError($"{what} is {measured}; the maximum is {maximum}.") { Code = ErrorCodes.LimitExceeded }
            .AddExtension("limit", limit)
            .AddExtension("maximum", maximum)
            .AddExtension("measured", measured);

    /// <summary>The execution timeout, which is not a validation refusal but is reported the same way.</summary>
    public static ExecutionError Timeout(TimeSpan maximum, TimeSpan measured) =>
        new ExecutionError($"The request ran for {(long)measured.TotalMilliseconds} ms and was cancelled; "
            + $"the maximum is {(long)maximum.TotalMilliseconds} ms.")
        { Code = ErrorCodes.LimitExceeded }
            .AddExtension("limit", "executionTimeout")
            .AddExtension("maximum", (long)maximum.TotalMilliseconds)
            .AddExtension("measured", (long)measured.TotalMilliseconds);
}
