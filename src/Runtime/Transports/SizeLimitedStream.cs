namespace McpFleet.Transports;

/// <summary>
/// A read-only stream that fails with a <see cref="MessageTooLargeException"/> once more than the limit has been read
/// of one message: the whole stream, or for an event stream (<c>text/event-stream</c>), one event, events being
/// separated by a blank line.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, string server, long limit, bool eventStream) : Stream
{
    private long _messageLength;
    private bool _lineEmpty = true;
    private bool _afterCarriageReturn;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (!eventStream)
        {
            _messageLength += bytes.Length;
            ThrowIfTooLarge();
            return;
        }

        // An event ends at an empty line; lines end with CR, LF or CRLF.
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            if (!text.IsEmpty)
            {
                _messageLength += text.Length;
                _lineEmpty = false;
                _afterCarriageReturn = false;
                ThrowIfTooLarge();
            }

            if (end < 0)
            {
                return;
            }

            if (bytes[end] == (byte)'\n' && _afterCarriageReturn)
            {
                // The LF of a CRLF: the line ended at the CR.
                _afterCarriageReturn = false;
            }
            else
            {
                if (_lineEmpty)
                {
                    _messageLength = 0;
                }

                _lineEmpty = true;
                _afterCarriageReturn = bytes[end] == (byte)'\r';
            }

            bytes = bytes[(end + 1)..];
        }
    }

    private void ThrowIfTooLarge()
    {
        if (_messageLength > limit)
        {
            throw new MessageTooLargeException(server, limit, _messageLength);
        }
    }
}
