using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Import;

/// <summary>Import limits (<c>Import:MaxRows</c>, <c>Import:MaxBytes</c>) and roles carried by JWTs.</summary>
public sealed class ImportLimitTests
{
    private const string SigningKey = "import-tests-signing-key-0123456789-abcdefghijklmnop";
    private const int MaxRows = 10;
    private const int MaxBytes = 4000;

    private RegistryApi _api = null!;
    private ImportClient _client = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("importlimits", new Dictionary<string, string?>
        {
            ["Import:MaxRows"] = MaxRows.ToString(),
            ["Import:MaxBytes"] = MaxBytes.ToString(),
            ["Jwt:SigningKey"] = SigningKey,
            ["Jwt:Issuer"] = "import-tests",
            ["Jwt:Audience"] = "registry",
        });
        _client = new ImportClient(_api);
        _editor = await _client.CreateKeyAsync("limits-editor", RegistryRole.Editor);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task More_rows_than_the_maximum_are_refused_with_the_measured_count()
    {
        var csv = "name,kind\n" + string.Concat(Enumerable.Range(1, MaxRows + 3).Select(i => $"限额区域{i},DISTRICT\n"));
        var (status, body) = await _client.PostAsync("regions", csv, _editor);
        var extensions = body["errors"]![0]!["extensions"]!;
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), body.ToJsonString());
            Assert.That(extensions["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(extensions["limit"]!.GetValue<string>(), Is.EqualTo("maxImportRows"));
            Assert.That(extensions["maximum"]!.GetValue<long>(), Is.EqualTo(MaxRows));
            Assert.That(extensions["measured"]!.GetValue<long>(), Is.EqualTo(MaxRows + 3));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM regions WHERE name LIKE '限额区域%'"), Is.Zero);
        });
        Assert.That(await _client.ImportAsync("regions",
                "name,kind\n" + string.Concat(Enumerable.Range(1, MaxRows).Select(i => $"限额区域{i},DISTRICT\n")), _editor),
            Is.EqualTo((MaxRows, 0, 0, MaxRows)));
    }

    [Test]
    public async Task A_body_over_the_byte_limit_is_refused_with_or_without_a_content_length()
    {
        var big = "name,nameEn\n" + string.Concat(Enumerable.Range(1, 3).Select(i => $"大文件企业{i},{new string('x', 2000)}\n"));
        var declared = await _client.PostAsync("enterprises", big, _editor);
        Assert.That(declared.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), declared.Body.ToJsonString());
        var extensions = declared.Body["errors"]![0]!["extensions"]!;
        Assert.That((extensions["code"]!.GetValue<string>(), extensions["limit"]!.GetValue<string>(),
                extensions["maximum"]!.GetValue<long>(), extensions["measured"]!.GetValue<long>()),
            Is.EqualTo(("LIMIT_EXCEEDED", "maxImportBytes", (long)MaxBytes, (long)Encoding.UTF8.GetByteCount(big))));

        // Chunked: the limit is found while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import/enterprises")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(big))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _editor);
        using var response = await _api.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), body.ToJsonString());
            Assert.That(body["errors"]![0]!["extensions"]!["limit"]!.GetValue<string>(), Is.EqualTo("maxImportBytes"));
            Assert.That(body["errors"]![0]!["extensions"]!["measured"]!.GetValue<long>(), Is.GreaterThan(MaxBytes));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM enterprises WHERE name LIKE '大文件企业%'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_token_without_the_editor_role_is_forbidden_and_one_with_it_imports()
    {
        var csv = "name,kind\n令牌测试区域,DISTRICT\n";
        var reader = await _client.PostAsync("regions", csv, Token("reader-user", "READER"));
        Assert.That(reader.Status, Is.EqualTo(HttpStatusCode.Forbidden), reader.Body.ToJsonString());
        Assert.That(ImportClient.Code(reader.Body), Is.EqualTo("AUTH_NOT_AUTHORIZED"));

        var editor = await _client.PostAsync("regions", csv, Token("editor-user", "EDITOR"));
        Assert.That(editor.Status, Is.EqualTo(HttpStatusCode.OK), editor.Body.ToJsonString());
        Assert.That(await _client.TextAsync("SELECT actor FROM audit_events WHERE entity_type = 'Region' ORDER BY id DESC LIMIT 1"),
            Is.EqualTo("editor-user"));
    }

    private static string Token(string subject, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "import-tests",
        Audience = "registry",
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A body whose length is not known up front, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
