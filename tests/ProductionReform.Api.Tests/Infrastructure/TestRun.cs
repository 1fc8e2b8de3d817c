using ProductionReform.Api.Tests.Infrastructure;

/// <summary>
/// Cleans up what the whole run shared once its last test class is done. It lives outside any namespace
/// so that NUnit applies it to the whole assembly.
/// </summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public async Task DropTemplateAsync() => await TestDatabase.DropTemplateAsync();
}
