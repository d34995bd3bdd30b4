using System.Net;

namespace McpFleet.Transports;

/// <summary>
/// Bounds what a server's HTTP responses may bring: a JSON body as a whole, and each event of an event stream (a
/// Streamable HTTP response or GET stream, the legacy SSE stream), which may otherwise go on for ever. Bodies are
/// counted as they are read, so nothing over the limit is buffered; a declared length over it fails at once.
/// </summary>
internal sealed class MessageSizeLimitHandler(string server, long maxMessageSize) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var eventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        if (!eventStream && response.Content.Headers.ContentLength is > 0 and var length && length > maxMessageSize)
        {
            response.Dispose();
            throw new MessageTooLargeException(server, maxMessageSize, length);
        }

        response.Content = new SizeLimitedContent(response.Content, server, maxMessageSize, eventStream);
        return response;
    }

    /// <summary>The response's content, read through a <see cref="SizeLimitedStream"/>; its headers are kept.</summary>
    private sealed class SizeLimitedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly string _server;
        private readonly long _limit;
        private readonly bool _eventStream;

        public SizeLimitedContent(HttpContent inner, string server, long limit, bool eventStream)
        {
            _inner = inner;
            _server = server;
            _limit = limit;
            _eventStream = eventStream;
            foreach (var (name, values) in inner.Headers)
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new SizeLimitedStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _server, _limit, _eventStream);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new SizeLimitedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _server, _limit, _eventStream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
