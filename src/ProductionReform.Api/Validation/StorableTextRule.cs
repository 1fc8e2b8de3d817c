using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductionReform.Domain;

namespace ProductionReform.Api.Validation;

/// <summary>
/// Refuses, during validation and so before any SQL, every string the database cannot store (<see cref="StorableText"/>)
/// in the document's literals — any argument of any field or directive, and variables' default values — at any depth.
/// The error names the argument or variable and the path inside it. A document that passed once passes again, so the
/// rule does not run on a cached document; the variables, which change per request, are <see cref="StorableVariablesRule"/>'s.
/// </summary>
public sealed class StorableTextRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new NodeVisitors(
        new MatchingNodeVisitor<GraphQLArgument>((argument, validation) =>
        {
            var owner = validation.TypeInfo.GetAncestor(2) switch
            {
                GraphQLField field => $"field '{field.Name.StringValue}'",
                GraphQLDirective directive => $"directive '@{directive.Name.StringValue}'",
                _ => "its field",
            };
            Check(validation, argument.Value, argument.Name.StringValue, $"argument '{{0}}' of {owner}", "argument");
        }),
        new MatchingNodeVisitor<GraphQLVariableDefinition>((definition, validation) =>
        {
            if (definition.DefaultValue is { } value)
                Check(validation, value, "$" + definition.Variable.Name.StringValue, "the default value of '{0}'", "variable");
        })));

    private static void Check(ValidationContext validation, GraphQLValue value, string path, string described, string kind)
    {
        switch (value)
        {
            case GraphQLStringValue text when StorableText.Problem((string)text.Value) is { } reason:
                validation.ReportError(Error(validation, text, string.Format(described, path), reason, kind, path));
                break;
            case GraphQLObjectValue { Fields: { } fields }:
                foreach (var field in fields) Check(validation, field.Value, $"{path}.{field.Name.StringValue}", described, kind);
                break;
            case GraphQLListValue { Values: { } values }:
                for (var i = 0; i < values.Count; i++) Check(validation, values[i], $"{path}[{i}]", described, kind);
                break;
        }
    }

    internal static ValidationError Error(ValidationContext validation, ASTNode? node, string described, string reason,
        string kind, string path) =>
        new(validation.Document.Source, null, $"The text of {described} {reason}", node is null ? [] : [node])
        {
            Code = StorableText.Code,
            Extensions = new Dictionary<string, object?> { [kind] = path },
        };
}
