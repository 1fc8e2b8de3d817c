using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ProductionReform.GraphQL.Data;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Refuses, during validation and so before any SQL, a document over <see cref="LimitsOptions"/>:
/// aliases and root fields are counted on the document first; depth, cost and introspection depth are
/// measured by GraphQL.NET's complexity visitor (only on a document that is otherwise valid, whose
/// arguments and variables are known). The cost is the number of rows the lists may return: each list
/// of records counts its page size (<c>first</c>/<c>last</c>/<c>take</c>, the number of <c>ids</c>, or
/// <c>Data:DefaultPageSize</c>; a connection's <c>nodes</c>/<c>edges</c> take the connection's) times
/// the page sizes of the lists above it; scalars and to-one relations (columns and joins of their
/// parent's rows) and introspection are free. The cost of the operation is left in the user
/// context (<see cref="CostKey"/>) for <c>extensions.cost</c> and telemetry.
/// </summary>
public sealed class RequestLimitsRule : ComplexityValidationRule
{
    public const string CostKey = "ProductionReform.Limits.Cost";
    private const string IntrospectionDepthKey = "ProductionReform.Limits.IntrospectionDepth";

    /// <summary>The introspection lists that lead back to types, and so could nest without end.</summary>
    private static readonly HashSet<string> TypeExpandingFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    private static readonly string[] PageArguments = ["first", "last", "take"];

    private readonly LimitsOptions _limits;

    public RequestLimitsRule(IOptions<LimitsOptions> limits, IOptions<DataOptions> data)
        : base(new ComplexityOptions())
    {
        _limits = limits.Value;
        var defaultPageSize = data.Value.DefaultPageSize;
        Options.MaxDepth = _limits.MaxDepth > 0 ? _limits.MaxDepth : null;
        Options.MaxComplexity = _limits.MaxCost > 0 ? _limits.MaxCost : null;
        Options.DefaultComplexityImpactDelegate = context => Impact(context, defaultPageSize);
        // GraphQL.NET's own impact functions (__Schema.types/directives) charge this per field: introspection is free.
        Options.DefaultScalarImpact = 0;
        Options.DefaultObjectImpact = 0;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        CountAliases(context);
        CountRootFields(context);
        return default;
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var cost = totalComplexity >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(totalComplexity);
        context.UserContext[CostKey] = cost;
        if (Options.MaxDepth is { } maximumDepth && maxDepth > maximumDepth)
        {
            context.ReportError(new LimitExceededError(context, context.Operation, "maxDepth", maximumDepth, maxDepth,
                "The depth of the query"));
        }
        if (Options.MaxComplexity is { } maximumCost && cost > maximumCost)
            context.ReportError(new LimitExceededError(context, context.Operation, "maxCost", maximumCost, cost,
                "The cost of the query (rows its lists may return: each page size times the page sizes above it)"));
        if (context.UserContext.TryGetValue(IntrospectionDepthKey, out var value) && value is int introspectionDepth
            && _limits.MaxIntrospectionDepth > 0 && introspectionDepth > _limits.MaxIntrospectionDepth)
        {
            context.ReportError(new LimitExceededError(context, context.Operation, "maxIntrospectionDepth", _limits.MaxIntrospectionDepth,
                introspectionDepth, "The nesting of fields/inputFields/interfaces/possibleTypes in the introspection query"));
        }
        context.UserContext.Remove(IntrospectionDepthKey);
        return default;
    }

    private static FieldComplexityResult Impact(FieldImpactContext context, int defaultPageSize)
    {
        if (IsIntrospection(context.FieldDefinition, context.ParentType))
        {
            if (TypeExpandingFields.Contains(context.FieldDefinition.Name))
            {
                int depth = 1;
                for (var parent = context.Parent; parent is { } p; parent = p.Parent)
                {
                    if (TypeExpandingFields.Contains(p.FieldDefinition.Name) && IsIntrospection(p.FieldDefinition, null))
                        depth++;
                }
                var state = context.ValidationContext.UserContext;
                if (!state.TryGetValue(IntrospectionDepthKey, out var known) || known is not int k || k < depth)
                    state[IntrospectionDepthKey] = depth;
            }
            return new FieldComplexityResult(0, 1);
        }

        // Scalars and to-one relations are columns and joins of their parent's rows: free.
        if (!IsList(context.FieldDefinition.ResolvedType) || context.FieldDefinition.ResolvedType!.GetNamedType() is ScalarGraphType)
            return new FieldComplexityResult(0, 1);

        // A list of records: as many rows as its page, for every row above it. A connection's
        // nodes/edges take the page size of the connection field above them.
        var pageSize = PageSize(context.Arguments);
        if (pageSize is null && context.Parent is { } parentField && !IsList(parentField.FieldDefinition.ResolvedType))
            pageSize = PageSize(parentField.Arguments);
        var rows = Math.Max(pageSize ?? defaultPageSize, 0);
        return new FieldComplexityResult(rows, rows);
    }

    private static int? PageSize(IDictionary<string, global::GraphQL.Execution.ArgumentValue>? arguments)
    {
        if (arguments is null)
            return null;
        foreach (var name in PageArguments)
        {
            if (arguments.TryGetValue(name, out var argument) && argument.Value is int size)
                return size;
        }
        return arguments.TryGetValue("ids", out var ids) && ids.Value is System.Collections.ICollection list ? list.Count : null;
    }

    private static bool IsList(IGraphType? type) =>
        (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    /// <summary><c>__schema</c>, <c>__type</c> and every field of the <c>__*</c> types (not <c>__typename</c>).</summary>
    private static bool IsIntrospection(FieldType field, IGraphType? parentType) =>
        field.Name is "__schema" or "__type"
        || (parentType?.Name.StartsWith("__", StringComparison.Ordinal) ?? false)
        || (field.ResolvedType?.GetNamedType().Name.StartsWith("__", StringComparison.Ordinal) ?? false);

    private void CountAliases(ValidationContext context)
    {
        if (_limits.MaxAliases <= 0)
            return;
        int count = 0;
        GraphQLField? first = null;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation) pending.Push(operation.SelectionSet);
            else if (definition is GraphQLFragmentDefinition fragment) pending.Push(fragment.SelectionSet);
        }
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (field.Alias is not null && ++count == _limits.MaxAliases + 1)
                            first = field;
                        if (field.SelectionSet is { } fieldSet) pending.Push(fieldSet);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        if (first is not null)
        {
            context.ReportError(new LimitExceededError(context, first, "maxAliases", _limits.MaxAliases, count,
                "The number of aliases in the document"));
        }
    }

    private void CountRootFields(ValidationContext context)
    {
        if (_limits.MaxRootFields <= 0 || context.Operation is null)
            return;
        int count = 0;
        GraphQLField? first = null;
        var visited = new HashSet<string>();
        var pending = new Stack<GraphQLSelectionSet>();
        pending.Push(context.Operation.SelectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (++count == _limits.MaxRootFields + 1)
                            first = field;
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        // Each fragment once: a cycle, or a fragment spread twice, is not counted twice.
                        if (visited.Add(spread.FragmentName.Name.StringValue)
                            && context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment)
                        {
                            pending.Push(fragment.SelectionSet);
                        }
                        break;
                }
            }
        }
        if (first is not null)
        {
            context.ReportError(new LimitExceededError(context, first, "maxRootFields", _limits.MaxRootFields, count,
                "The number of root fields"));
        }
    }
}
