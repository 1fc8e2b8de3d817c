namespace ProductionReform.Api.Caching;

/// <summary>Registration of the ETags and the response cache of GET queries and exports.</summary>
public static class HttpCachingServices
{
    /// <summary>Binds <c>HttpCaching</c>; the response cache exists only when <c>HttpCaching:ResponseCache</c> is on.</summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HttpCachingOptions.Section);
        services.Configure<HttpCachingOptions>(section);
        services.AddSingleton<HttpCachePolicy>();
        if ((section.Get<HttpCachingOptions>() ?? new HttpCachingOptions()).ResponseCache)
            services.AddSingleton<ResponseCache>();
        return services;
    }
}
