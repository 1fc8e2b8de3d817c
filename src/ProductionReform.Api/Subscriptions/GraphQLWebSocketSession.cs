using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Access;
using ProductionReform.Api.Http;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// One WebSocket speaking graphql-transport-ws (the <c>graphql-ws</c> library's protocol,
/// https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md): <c>connection_init</c> (its payload may carry
/// <c>authorization: "Bearer …"</c> or <c>x-api-key</c>) → <c>connection_ack</c>; <c>subscribe</c> → <c>next</c>…
/// <c>complete</c> or <c>error</c>; <c>complete</c> from the client stops an operation; <c>ping</c>/<c>pong</c> both ways.
/// Protocol violations close the socket with the protocol's codes (4400, 4401, 4408, 4409, 4429); limits refuse one
/// operation with an <c>error</c> message (<c>LIMIT_EXCEEDED</c>).
/// </summary>
public sealed class GraphQLWebSocketSession
{
    public const string Protocol = "graphql-transport-ws";

    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly SubscriptionLimits _limits;
    private readonly bool _limited;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly long _maxMessageBytes;
    private readonly Channel<object> _outgoing = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, IDisposable> _operations = [];
    private readonly CancellationTokenSource _closing;
    private bool _initialised;
    private long _lastActivity = Environment.TickCount64;

    private GraphQLWebSocketSession(HttpContext context, WebSocket socket)
    {
        _context = context;
        _socket = socket;
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        _limits = limits.Subscriptions;
        _maxMessageBytes = limits.MaxRequestBodySize > 0 ? limits.MaxRequestBodySize : 256 * 1024;
        _limited = limits.Enabled;
        _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public static async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable: use " + Protocol, context.RequestAborted);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        await new GraphQLWebSocketSession(context, socket).RunAsync();
    }

    private async Task RunAsync()
    {
        var watchdog = WatchAsync();
        var writer = WriteAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception fault) when (fault is OperationCanceledException or WebSocketException)
        {
            // The client went away or the session was closed.
        }
        finally
        {
            lock (_operations)
            {
                foreach (var operation in _operations.Values) operation.Dispose();
                _operations.Clear();
            }
            _outgoing.Writer.TryComplete();
            await writer;
            await _closing.CancelAsync();
            await watchdog;
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (_socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
                buffer.Advance(received.Count);
            } while (!received.EndOfMessage && buffer.WrittenCount <= _maxMessageBytes);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                Close(WebSocketCloseStatus.NormalClosure, "");
                return;
            }
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            if (buffer.WrittenCount > _maxMessageBytes)
            {
                Close((WebSocketCloseStatus)4400, "Message too large");
                return;
            }
            await HandleAsync(buffer.WrittenMemory);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument message;
        try
        {
            message = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received: not JSON");
            return;
        }
        using (message)
        {
            var root = message.RootElement;
            var isObject = root.ValueKind == JsonValueKind.Object;
            var type = isObject && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var payload = isObject && root.TryGetProperty("payload", out var p) ? p : default;
            var id = isObject && root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            switch (type)
            {
                case "connection_init":
                    await InitialiseAsync(payload);
                    break;
                case "ping":
                    Post(new { type = "pong" });
                    break;
                case "pong":
                    break;
                case "subscribe" when !_initialised:
                    Close((WebSocketCloseStatus)4401, "Unauthorized: send connection_init first");
                    break;
                case "subscribe" when string.IsNullOrEmpty(id) || payload.ValueKind != JsonValueKind.Object:
                    Close((WebSocketCloseStatus)4400, "Invalid message received: subscribe needs an id and a payload");
                    break;
                case "subscribe":
                    await SubscribeAsync(id!, payload);
                    break;
                case "complete" when id is not null:
                    Stop(id);
                    break;
                default:
                    Close((WebSocketCloseStatus)4400, $"Invalid message received: type {type ?? "missing"}");
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement payload)
    {
        if (_initialised)
        {
            Close((WebSocketCloseStatus)4429, "Too many initialisation requests");
            return;
        }
        if (BearerOf(payload) is { } bearer)
        {
            // The same schemes as a request's Authorization header, on a request of its own (the handlers remember the
            // upgrade request's answer): an unknown or revoked key stays anonymous, as over HTTP.
            await using var scope = _context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            probe.Request.Headers.Authorization = bearer;
            probe.Connection.RemoteIpAddress = _context.Connection.RemoteIpAddress;
            var authenticated = await probe.AuthenticateAsync(RegistryAuthentication.Scheme);
            if (authenticated.Succeeded) _context.User = authenticated.Principal;
        }
        _initialised = true;
        Post(new { type = "connection_ack" });
    }

    /// <summary><c>authorization</c> (or <c>Authorization</c>) as a header value, or <c>x-api-key</c> as a bearer key.</summary>
    private static string? BearerOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) continue;
            if (property.NameEquals("authorization") || property.NameEquals("Authorization")) return property.Value.GetString();
            if (property.Name.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)) return "Bearer " + property.Value.GetString();
        }
        return null;
    }

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        int running;
        lock (_operations)
        {
            if (_operations.ContainsKey(id)) running = -1;
            else running = _operations.Count;
        }
        if (running < 0)
        {
            Close((WebSocketCloseStatus)4409, $"Subscriber for {id} already exists");
            return;
        }
        if (_limited && _limits.MaxPerConnection > 0 && running >= _limits.MaxPerConnection)
        {
            PostError(id, [LimitExceededError.Refusal("subscriptions.maxPerConnection", _limits.MaxPerConnection, running + 1,
                "The number of operations running on this connection")]);
            return;
        }
        if (GraphQLRequestReader.ReadJson(payload, _serializer, out var request) is { } invalid)
        {
            PostError(id, [invalid.Error]);
            return;
        }

        var operation = await StreamedOperation.StartAsync(_context, request!);
        if (operation.Events is null)
        {
            // A refusal, or a subscription whose stream could not start (a bad `where`): the operation fails.
            var failed = !operation.Result.Executed || operation.Result.Operation?.Operation == OperationType.Subscription;
            if (failed && operation.Result.Errors is { Count: > 0 } errors)
            {
                PostError(id, errors);
                return;
            }
            Post(new { id, type = "next", payload = operation.Result });
            Post(new { id, type = "complete" });
            return;
        }

        var forwarding = new Forwarding(this, id, operation);
        lock (_operations) _operations[id] = forwarding;
        forwarding.Start();
    }

    private void Stop(string id)
    {
        IDisposable? operation;
        lock (_operations) _operations.Remove(id, out operation);
        operation?.Dispose();
    }

    private bool Forget(string id, IDisposable operation)
    {
        lock (_operations)
            return _operations.TryGetValue(id, out var current) && current == operation && _operations.Remove(id);
    }

    /// <summary>Pings every <see cref="SubscriptionLimits.KeepAlive"/>; closes a socket not initialised in time or idle too long.</summary>
    private async Task WatchAsync()
    {
        var opened = Environment.TickCount64;
        var tick = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(_limits.KeepAlive.TotalMilliseconds,
            Math.Min(_limits.ConnectionInitTimeout.TotalMilliseconds, _limits.IdleTimeout.TotalMilliseconds)) / 4));
        var lastPing = opened;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                await Task.Delay(tick, _closing.Token);
                var now = Environment.TickCount64;
                if (!_initialised && _limited && now - opened >= _limits.ConnectionInitTimeout.TotalMilliseconds)
                {
                    Close((WebSocketCloseStatus)4408, "Connection initialisation timeout");
                    return;
                }
                bool idle;
                lock (_operations) idle = _operations.Count == 0;
                if (idle && _limited && _limits.IdleTimeout > TimeSpan.Zero
                    && now - Interlocked.Read(ref _lastActivity) >= _limits.IdleTimeout.TotalMilliseconds)
                {
                    Close(WebSocketCloseStatus.NormalClosure, "Idle timeout");
                    return;
                }
                if (_limits.KeepAlive > TimeSpan.Zero && now - lastPing >= _limits.KeepAlive.TotalMilliseconds)
                {
                    lastPing = now;
                    Post(new { type = "ping" });
                }
            }
        }
        catch (Exception fault) when (fault is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The session ended.
        }
    }

    private void PostError(string id, IEnumerable<ExecutionError> errors)
    {
        var payload = new ExecutionErrors();
        payload.AddRange(errors);
        Post(new { id, type = "error", payload });
    }

    /// <summary>Queues a message; <see cref="WriteAsync"/> sends them in order, one at a time.</summary>
    private void Post(object message) => _outgoing.Writer.TryWrite(message);

    /// <summary>Closes the socket after the messages queued before.</summary>
    private void Close(WebSocketCloseStatus status, string reason) => Post(new Closing(status, reason));

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_closing.Token))
            {
                if (message is Closing closing)
                {
                    // The close frame only: the receiving loop reads the client's answer, or is cancelled.
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(closing.Status, closing.Reason, CancellationToken.None);
                    _closing.CancelAfter(TimeSpan.FromSeconds(1));
                    return;
                }
                var bytes = Encoding.UTF8.GetBytes(_serializer.Serialize(message));
                if (_socket.State == WebSocketState.Open)
                    await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
            }
        }
        catch (Exception fault) when (fault is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private sealed record Closing(WebSocketCloseStatus Status, string Reason);

    /// <summary>Sends a subscription's results as <c>next</c> messages until it completes, fails or is stopped.</summary>
    private sealed class Forwarding(GraphQLWebSocketSession session, string id, StreamedOperation operation)
        : IObserver<ExecutionResult>, IDisposable
    {
        private IDisposable? _subscription;
        private int _disposed;

        public void Start()
        {
            var subscription = operation.Subscribe(this);
            if (Interlocked.CompareExchange(ref _subscription, subscription, null) is not null || Volatile.Read(ref _disposed) == 1)
                subscription.Dispose();
        }

        public void OnNext(ExecutionResult value) =>
            Send(new { id, type = "next", payload = StreamedOperation.Sendable(value, session._context) });

        public void OnError(Exception error)
        {
            if (session.Forget(id, this))
                Send(new { id, type = "error", payload = StreamedOperation.Sendable(error, session._context).Errors });
            Dispose();
        }

        public void OnCompleted()
        {
            if (session.Forget(id, this)) Send(new { id, type = "complete" });
            Dispose();
        }

        private void Send(object message) => session.Post(message);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Interlocked.Exchange(ref _subscription, null)?.Dispose();
            operation.Dispose();
        }
    }
}
