using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;

namespace ProductionReform.Api.Http;

/// <summary>Registration of the GraphQL-over-HTTP transport on the GraphQL.NET builder.</summary>
public static class GraphQLHttpBuilderExtensions
{
    /// <summary>
    /// Registers the System.Text.Json serializer (<c>IGraphQLTextSerializer</c>) with
    /// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, so that Chinese (any non-ASCII)
    /// text is written as is rather than as <c>\uXXXX</c> escapes, and registers
    /// <see cref="GraphQLHttpOptions"/> (optionally configured by <paramref name="configure"/>).
    /// Use it instead of <c>AddSystemTextJson()</c>:
    /// <code>
    /// builder.Services.AddGraphQL(b => b.AddSchema&lt;AppSchema&gt;().AddGraphQLHttp());
    /// </code>
    /// </summary>
    public static IGraphQLBuilder AddGraphQLHttp(this IGraphQLBuilder builder, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.Configure(configure);
        return builder;
    }
}
