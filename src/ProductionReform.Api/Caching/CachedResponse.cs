namespace ProductionReform.Api.Caching;

/// <summary>An answer the <see cref="ResponseCache"/> keeps: its serialized body and content type (a 200 without errors).</summary>
public sealed record CachedResponse(byte[] Body, string ContentType);
