namespace McpFleet.Transports;

/// <summary>
/// Reads newline-delimited messages (stdio's framing) as UTF-8 bytes, refusing a line longer than the limit as soon as
/// that many bytes have arrived without a newline, so a message that is too large, or never ends, is never buffered.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, string serverName, long maxLineLength)
{
    private const int ChunkSize = 16 * 1024;

    // A buffer grown for a large message is given back once it is consumed, so an idle session holds little.
    private const int RetainedSize = 64 * 1024;

    private byte[] _buffer = new byte[ChunkSize];
    private int _start;
    private int _end;
    private int _scanned;

    /// <summary>
    /// The next line without its line ending, valid until the next call; <see langword="null"/> at the end of the stream
    /// (an unfinished last line is dropped).
    /// </summary>
    /// <exception cref="MessageTooLargeException">The line is longer than the limit.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _scanned, _end - _scanned);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = _scanned = newline + 1;
                return line.Span is [.., (byte)'\r'] ? line[..^1] : line;
            }

            _scanned = _end;
            if (_end - _start > maxLineLength)
            {
                throw new MessageTooLargeException(serverName, maxLineLength, _end - _start);
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    /// <summary>Moves the unconsumed bytes to the front and makes sure at least a chunk is free after them.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        var needed = pending + ChunkSize;
        var target = _buffer.Length > RetainedSize && needed <= RetainedSize ? new byte[RetainedSize]
            : needed > _buffer.Length ? new byte[(int)Math.Min(Math.Max(needed, 2L * _buffer.Length), maxLineLength + ChunkSize + 1)]
            : _buffer;
        if (target != _buffer || _start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, target, 0, pending);
            _buffer = target;
            _scanned -= _start;
            _start = 0;
            _end = pending;
        }
    }
}
