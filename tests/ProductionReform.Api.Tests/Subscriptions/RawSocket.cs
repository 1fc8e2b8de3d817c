using System.Net.WebSockets;
using System.Text;

namespace ProductionReform.Api.Tests.Subscriptions;

/// <summary>A bare graphql-transport-ws socket, for what the reference client never does (stay silent, stay idle).</summary>
public sealed class RawSocket : IDisposable
{
    /// <summary>Not an assertion on speed: the bound after which a socket that never answers fails the test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket = new();

    public static async Task<RawSocket> ConnectAsync(Uri endpoint)
    {
        var raw = new RawSocket();
        raw._socket.Options.AddSubProtocol("graphql-transport-ws");
        await raw._socket.ConnectAsync(endpoint, CancellationToken.None);
        return raw;
    }

    public Task SendAsync(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message; null when the server closed the socket instead.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, patience.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>Reads (and ignores pings) until the server closes the socket; its close status and reason.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }
        return (_socket.CloseStatus, _socket.CloseStatusDescription);
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
    }
}
