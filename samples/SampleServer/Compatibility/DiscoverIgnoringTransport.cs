using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Compatibility;

/// <summary>
/// Wraps the stdio or WebSocket transport for <c>--ignore-discover</c>: <c>server/discover</c> requests are dropped before the server
/// reads them, as a server that predates protocol revision 2026-07-28 and ignores unknown methods would.
/// </summary>
/// <remarks>
/// <see cref="DiscoverIgnoringFilter"/> cannot do this on stdio or ws: the SDK reads a request's per-request metadata before
/// any message filter runs, and that pins the connection's one server to 2026-07-28, which then refuses the client's fallback
/// <c>initialize</c>. On Streamable HTTP and SSE each probe reaches a server of its own, so the filter is enough there.
/// </remarks>
internal sealed class DiscoverIgnoringTransport(ITransport inner) : ITransport
{
    public string? SessionId => inner.SessionId;

    public ChannelReader<JsonRpcMessage> MessageReader { get; } = new DiscoverSkippingReader(inner.MessageReader);

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
        inner.SendMessageAsync(message, cancellationToken);

    /// <summary>Disposes the wrapped transport, which this one owns.</summary>
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>The wrapped reader without <c>server/discover</c> requests; completion, and any error, pass through.</summary>
    private sealed class DiscoverSkippingReader(ChannelReader<JsonRpcMessage> inner) : ChannelReader<JsonRpcMessage>
    {
        public override Task Completion => inner.Completion;

        public override bool TryRead([MaybeNullWhen(false)] out JsonRpcMessage item)
        {
            while (inner.TryRead(out item))
            {
                if (item is not JsonRpcRequest { Method: RequestMethods.ServerDiscover })
                {
                    return true;
                }
            }

            return false;
        }

        // May report a message that TryRead then skips; readers loop back here, as they must for any channel.
        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
            inner.WaitToReadAsync(cancellationToken);
    }
}
