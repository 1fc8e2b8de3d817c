using System.Reflection;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using ProductionReform.Api.Http;
using ProductionReform.GraphQL.Data;

namespace ProductionReform.Api.Tests.Http;

/// <summary>
/// The catalogue of error codes (<see cref="ErrorCodes"/>) against the README's Errors tables, both ways, and against the
/// codes the data layer raises.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    [Test]
    public void Every_catalogued_code_is_in_the_README_Errors_table_and_every_code_there_is_catalogued()
    {
        var documented = ReadmeErrorTables()[0].Where(row => !IsGraphQLNetRow(row)).SelectMany(Codes).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(ErrorCodes.All.Except(documented), Is.Empty, "catalogued in ErrorCodes but missing from the README");
            Assert.That(documented.Except(ErrorCodes.All), Is.Empty, "in the README but not a code of ErrorCodes");
        });
    }

    [Test]
    public void The_mutation_payload_codes_are_the_README_mutation_errors_table()
    {
        var documented = ReadmeErrorTables()[1].SelectMany(Codes).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(ErrorCodes.Payload.Except(documented), Is.Empty, "a payload code missing from the README");
            Assert.That(documented.Except(ErrorCodes.Payload), Is.Empty, "in the README but not a payload code");
        });
    }

    [Test]
    public void The_GraphQL_NET_codes_the_README_names_are_codes_of_GraphQL_NET_errors()
    {
        // A validation error's code is its class name without "Error" (FieldsOnCorrectTypeError: FIELDS_ON_CORRECT_TYPE).
        var graphQLNetCodes = typeof(ExecutionError).Assembly.GetTypes()
            .Where(type => typeof(ExecutionError).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (Code: ErrorInfoProvider.GetErrorCode(type), IsValidation: typeof(ValidationError).IsAssignableFrom(type)))
            .Select(error => error.IsValidation && error.Code.EndsWith("_ERROR", StringComparison.Ordinal) ? error.Code[..^6] : error.Code)
            .ToHashSet();
        var named = ReadmeErrorTables()[0].Where(IsGraphQLNetRow).SelectMany(Codes).ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Except(graphQLNetCodes), Is.Empty, "named as GraphQL.NET codes in the README, but GraphQL.NET has no such error");
    }

    [Test]
    public void Every_code_the_data_layer_raises_is_catalogued()
    {
        var raised = typeof(DataError).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.ReturnType == typeof(DataError))
            .Select(method => ((DataError)method.Invoke(null, method.GetParameters().Select(Sample).ToArray())!).Code)
            .ToList();

        Assert.That(raised, Is.Not.Empty);
        Assert.That(raised.Except(ErrorCodes.All), Is.Empty);
    }

    private static object? Sample(ParameterInfo parameter) => parameter.ParameterType == typeof(string) ? "sample" : 0;

    private static bool IsGraphQLNetRow(string row) => row.Contains("GraphQL.NET", StringComparison.Ordinal);

    private static IEnumerable<string> Codes(string firstCell) => CodePattern().Matches(firstCell).Select(match => match.Groups[1].Value);

    /// <summary>The first cells of the rows of each <c>| code | meaning |</c> table in the README's "## Errors" section.</summary>
    private static List<List<string>> ReadmeErrorTables()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var section = lines.SkipWhile(line => line != "## Errors").Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        var tables = new List<List<string>>();
        List<string>? table = null;
        foreach (var line in section)
        {
            if (!line.StartsWith('|'))
                table = null;
            else if (line.StartsWith("| code |", StringComparison.Ordinal))
                tables.Add(table = []);
            else if (table is not null && !line.StartsWith("| ---", StringComparison.Ordinal))
                table.Add(line.Split('|')[1]);
        }
        Assert.That(tables, Has.Count.EqualTo(2), "the Errors section has the table of extensions.code and that of mutation payloads");
        return tables;
    }

    [GeneratedRegex("`([A-Z][A-Z0-9_]+)`")]
    private static partial Regex CodePattern();
}
