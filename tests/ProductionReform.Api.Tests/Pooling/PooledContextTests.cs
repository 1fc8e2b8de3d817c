using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Data;

namespace ProductionReform.Api.Tests.Pooling;

/// <summary>
/// A request's pooled context goes back to the pool when the request's scope disposes it. A scope that hands the same
/// context out under two service types disposes it twice, and the second return can come after another request leased
/// it: two requests then share one context (under load, a few benchmark runs in a dozen had requests fail with "a second
/// operation was started on this context" or a disposed context, or wait without end).
/// </summary>
public sealed class PooledContextTests
{
    [Test]
    public async Task A_request_scope_hands_out_its_context_under_one_service_type()
    {
        await using var api = await RegistryApi.StartAsync("pooling");
        await using var scope = api.Services.CreateAsyncScope();
        var contextTypes = typeof(RegistryDbContext).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(DbContext)));
        Type[] candidates = [typeof(DbContext), .. contextTypes];

        var handedOut = candidates.Select(type => (Type: type, Context: (object?)scope.ServiceProvider.GetService(type)))
            .Where(r => r.Context is not null).ToList();

        Assert.That(handedOut, Is.Not.Empty, "the requests' context is registered");
        foreach (var shared in handedOut.GroupBy(r => r.Context!, ReferenceEqualityComparer.Instance))
            Assert.That(shared.Select(r => r.Type.Name), Has.Exactly(1).Items, "one context, one service type");
        var answer = await api.PostAsync("{ regions(first: 1) { nodes { name } } }");
        Assert.That(answer["errors"], Is.Null, answer.ToJsonString());
    }
}
