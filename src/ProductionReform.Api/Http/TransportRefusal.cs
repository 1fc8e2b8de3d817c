using GraphQL;

namespace ProductionReform.Api.Http;

/// <summary>
/// A request the transport refuses before anything runs: the HTTP status and the GraphQL-shaped error that explains it;
/// <see cref="Allow"/> is the <c>Allow</c> header of a 405.
/// </summary>
public sealed record TransportRefusal(int StatusCode, ExecutionError Error, string? Allow = null)
{
    public static TransportRefusal BadRequest(string message, string code) =>
        new(StatusCodes.Status400BadRequest, new ExecutionError(message) { Code = code });
}
