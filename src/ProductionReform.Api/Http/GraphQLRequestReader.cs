using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Primitives;
using ProductionReform.Domain;

namespace ProductionReform.Api.Http;

/// <summary>
/// Reads a <see cref="GraphQLRequest"/> from a GET's query string (<c>query</c>, <c>operationName</c>, <c>documentId</c>,
/// <c>variables</c> and <c>extensions</c> as JSON) or from one JSON object of a POST body. Every refusal is a 400 with
/// the first problem found.
/// </summary>
public static class GraphQLRequestReader
{
    public static TransportRefusal? ReadQueryString(IQueryCollection query, IGraphQLTextSerializer serializer, out GraphQLRequest request)
    {
        var variablesError = ReadJsonParameter(serializer, NullIfEmpty(query["variables"]), "variables",
            ErrorCodes.InvalidVariables, out var variables);
        var extensionsError = ReadJsonParameter(serializer, NullIfEmpty(query["extensions"]), "extensions",
            ErrorCodes.InvalidExtensions, out var extensions);
        request = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            DocumentId = NullIfEmpty(query["documentId"]),
            Variables = variables,
            Extensions = extensions,
        };
        return variablesError ?? extensionsError;
    }

    public static TransportRefusal? ReadJson(JsonElement element, IGraphQLTextSerializer serializer, out GraphQLRequest? request)
    {
        request = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return TransportRefusal.BadRequest(
                "A GraphQL request must be a JSON object such as {\"query\": \"{ __typename }\"} (or a batch: an array of such objects).",
                ErrorCodes.InvalidRequest);
        }
        if (UndecodableText(element, "") is { } undecodable)
            return undecodable;

        // Every field is read; the first problem (in this order) is reported.
        var queryError = ReadString(element, "query", out var query);
        var operationNameError = ReadString(element, "operationName", out var operationName);
        var documentIdError = ReadString(element, "documentId", out var documentId);
        var variablesError = ReadObject(serializer, element, "variables", ErrorCodes.InvalidVariables, out var variables);
        var extensionsError = ReadObject(serializer, element, "extensions", ErrorCodes.InvalidExtensions, out var extensions);
        var error = queryError ?? operationNameError ?? documentIdError ?? variablesError ?? extensionsError;
        if (error != null)
            return error;

        var candidate = new GraphQLRequest
        {
            Query = string.IsNullOrWhiteSpace(query) ? null : query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
            Variables = variables,
            Extensions = extensions,
        };
        if (QueryMissing(candidate) is { } missing)
            return missing;
        request = candidate;
        return null;
    }

    /// <summary><c>QUERY_MISSING</c> for a request with neither a query, a document id nor a persisted-query hash.</summary>
    public static TransportRefusal? QueryMissing(GraphQLRequest request) =>
        request.Query != null || request.DocumentId != null || request.Extensions?.ContainsKey("persistedQuery") == true
            ? null
            : TransportRefusal.BadRequest(
                "The request has no \"query\": send the GraphQL document as a string, e.g. {\"query\": \"{ __typename }\"}.",
                ErrorCodes.QueryMissing);

    private static TransportRefusal? ReadString(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return null;
        if (property.ValueKind != JsonValueKind.String)
        {
            return TransportRefusal.BadRequest($"\"{name}\" must be a string, not {Describe(property.ValueKind)}.",
                ErrorCodes.InvalidRequest);
        }
        value = property.GetString();
        return null;
    }

    private static TransportRefusal? ReadObject(IGraphQLTextSerializer serializer, JsonElement element, string name,
        string code, out Inputs? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return null;
        if (property.ValueKind != JsonValueKind.Object)
        {
            return TransportRefusal.BadRequest(
                $"\"{name}\" must be a JSON object (a map of names to values), not {Describe(property.ValueKind)}.", code);
        }
        return Deserialize(serializer, property.GetRawText(), $"\"{name}\"", code, out value);
    }

    private static TransportRefusal? ReadJsonParameter(IGraphQLTextSerializer serializer, string? raw, string name,
        string code, out Inputs? value)
    {
        value = null;
        if (raw == null)
            return null;
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            return TransportRefusal.BadRequest($"The \"{name}\" parameter is not valid JSON: {ex.Message}", code);
        }
        using (parsed)
        {
            var kind = parsed.RootElement.ValueKind;
            if (kind == JsonValueKind.Null)
                return null;
            if (kind != JsonValueKind.Object)
            {
                return TransportRefusal.BadRequest(
                    $"The \"{name}\" parameter must be a JSON object (a map of names to values), not {Describe(kind)}.", code);
            }
            return UndecodableText(parsed.RootElement, name)
                ?? Deserialize(serializer, raw, $"The \"{name}\" parameter", code, out value);
        }
    }

    private static TransportRefusal? Deserialize(IGraphQLTextSerializer serializer, string json, string what, string code,
        out Inputs? value)
    {
        value = null;
        try
        {
            value = serializer.Deserialize<Inputs>(json);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            return TransportRefusal.BadRequest($"{what} could not be read: {ex.Message}", code);
        }
    }

    /// <summary>
    /// <c>INVALID_TEXT</c> for a JSON string that cannot become text at all (an unpaired surrogate escape), naming where it
    /// is (<c>variables.where.name</c>); strings that decode are judged by <see cref="Validation.StorableVariablesRule"/>.
    /// </summary>
    private static TransportRefusal? UndecodableText(JsonElement element, string path)
    {
        if (StorableText.FindUndecodable(element, path) is not { } found)
            return null;
        var refusal = TransportRefusal.BadRequest($"The text of '{found.Path}' {found.Reason}; send valid UTF-8 text.",
            ErrorCodes.InvalidText);
        refusal.Error.AddExtension("path", found.Path);
        return refusal;
    }

    private static string? NullIfEmpty(StringValues values)
    {
        var value = values.Count > 0 ? values[0] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
