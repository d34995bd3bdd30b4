using System.Text;

namespace McpFleet.Transports;

/// <summary>
/// Reads what a stdio server writes to standard error, line by line, for the log and for failure messages (the last
/// lines). A line is cut at <see cref="MaxLineLength"/> bytes and the rest of it skipped: a server that writes one
/// endless line there must not exhaust the client's memory either.
/// </summary>
internal sealed class StandardErrorReader
{
    public const int MaxLineLength = 4 * 1024;
    private const int TailLines = 10;

    private readonly Queue<string> _tail = new(TailLines);
    private readonly Lock _gate = new();

    /// <summary>The last lines written, oldest first.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_gate)
            {
                return [.. _tail];
            }
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end, handing each line to <paramref name="line"/>.</summary>
    public async Task ReadAsync(Stream stream, Action<string> line, CancellationToken cancellationToken)
    {
        var chunk = new byte[4 * 1024];
        var current = new byte[MaxLineLength];
        var length = 0;
        var cut = false;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            foreach (var b in chunk.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    Emit(current.AsSpan(0, length), cut, line);
                    length = 0;
                    cut = false;
                }
                else if (length < MaxLineLength)
                {
                    current[length++] = b;
                }
                else
                {
                    cut = true;
                }
            }
        }

        if (length > 0)
        {
            Emit(current.AsSpan(0, length), cut, line);
        }
    }

    private void Emit(ReadOnlySpan<byte> bytes, bool cut, Action<string> line)
    {
        var text = Encoding.UTF8.GetString(bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes);
        if (cut)
        {
            text += " […]";
        }

        lock (_gate)
        {
            if (_tail.Count == TailLines)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(text);
        }

        line(text);
    }
}
