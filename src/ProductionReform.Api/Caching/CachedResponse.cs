namespace ProductionReform.Api.Caching;

/// <summary>An answer kept by the <see cref="ResponseCache"/>: its serialized body and content type (always a 200 without errors).</summary>
public sealed record CachedResponse(byte[] Body, string ContentType);
