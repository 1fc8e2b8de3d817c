using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductionReform.Domain;

namespace ProductionReform.Api.Validation;

/// <summary>
/// Refuses every string the database cannot store (<see cref="StorableText"/>) in the variables as coerced, at any depth,
/// on every request, cached document or not; the document's own literals are <see cref="StorableTextRule"/>'s.
/// </summary>
public sealed class StorableVariablesRule : ValidationRuleBase
{
    public override ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => new(VariableVisitor.Instance);

    private sealed class VariableVisitor : BaseVariableVisitor
    {
        public static readonly VariableVisitor Instance = new();

        public override ValueTask VisitScalarAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            ScalarGraphType type, object? variableValue, object? parsedValue)
        {
            if ((variableValue ?? parsedValue) is string text && StorableText.Problem(text) is { } reason)
            {
                var path = "$" + variableName;
                context.ReportError(StorableTextRule.Error(context, variable, $"variable '{path}'", reason, "variable", path));
            }
            return default;
        }
    }
}
