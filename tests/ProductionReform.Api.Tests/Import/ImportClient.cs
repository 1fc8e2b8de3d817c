using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductionReform.Api.Access;
using ProductionReform.Interchange.Import;
using ProductionReform.Domain;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Tests.Import;

/// <summary>Posts import files over real HTTP and reads the database directly.</summary>
internal sealed class ImportClient(RegistryApi api)
{
    public RegistryApi Api => api;

    public async Task<string> CreateKeyAsync(string name, RegistryRole role)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(name, role);
        return secret;
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string list, string body, string? key, string contentType = "text/csv",
        bool bom = false, string query = "") =>
        PostAsync(list, (bom ? Encoding.UTF8.Preamble.ToArray() : []).Concat(Encoding.UTF8.GetBytes(body)).ToArray(),
            key, contentType, query);

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string list, byte[] body, string? key,
        string contentType = "text/csv", string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/import/{list}{query}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {text}");
        return (response.StatusCode, json);
    }

    /// <summary>Posts a file that must import and returns created/updated/unchanged/rows.</summary>
    public async Task<(int Created, int Updated, int Unchanged, int Rows)> ImportAsync(string list, string body, string key,
        string contentType = "text/csv", string query = "")
    {
        var (status, json) = await PostAsync(list, body, key, contentType, query: query);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        return (json["created"]!.GetValue<int>(), json["updated"]!.GetValue<int>(), json["unchanged"]!.GetValue<int>(),
            json["rows"]!.GetValue<int>());
    }

    /// <summary>The export of a list, parsed: header and rows.</summary>
    public async Task<(List<string> Header, List<List<string>> Rows)> ExportAsync(string list)
    {
        using var response = await api.Client.GetAsync($"/export/{list}.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ParseAsync(await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<(List<string> Header, List<List<string>> Rows)> ParseAsync(byte[] csv)
    {
        using var reader = new CsvRecordReader(new MemoryStream(csv));
        var header = await reader.ReadAsync() ?? [];
        var rows = new List<List<string>>();
        while (await reader.ReadAsync() is { } row) rows.Add(row);
        return (header, rows);
    }

    /// <summary>CSV text as the export writes it (the same quoting and formula guard).</summary>
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", header.Select(CsvWriter.Field))).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(",", row.Select(CsvWriter.Field))).Append("\r\n");
        return text.ToString();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) as string;
    }

    /// <summary>Row counts of every registry table and of the audit trail, to show that nothing was written.</summary>
    public async Task<string> CountsAsync()
    {
        string[] tables =
        [
            "regions", "industries", "enterprises", "skill_standards", "occupations", "innovation_studios",
            "indicator_values", "audit_events",
        ];
        var counts = new List<string>();
        foreach (var table in tables) counts.Add($"{table}={await ScalarAsync($"SELECT count(*) FROM {table}")}");
        counts.Add($"enterprises.maxVersion={await ScalarAsync("SELECT coalesce(max(xmin::text::bigint), 0) FROM enterprises")}");
        return string.Join(" ", counts);
    }

    public static List<JsonObject> Problems(JsonObject body)
    {
        var error = body["errors"]![0]!;
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("IMPORT_INVALID"), body.ToJsonString());
        return error["extensions"]!["problems"]!.AsArray().Select(p => p!.AsObject()).ToList();
    }

    public static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    /// <summary>A valid unified social credit code ending in <paramref name="serial"/>.</summary>
    public static string CreditCodeFor(int serial)
    {
        var first17 = $"91320600MA{serial:D7}";
        return first17 + ProductionReform.Domain.CreditCode.CheckCharacter(first17);
    }
}
