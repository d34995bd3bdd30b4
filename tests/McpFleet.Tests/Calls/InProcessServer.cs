using System.Collections.Concurrent;
using System.IO.Pipelines;
using McpFleet.Configuration;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.Tests.Calls;

/// <summary>
/// An MCP server in this process, reached over a pair of pipes per session: its tools are delegates, so a test can see
/// every call that ran, make one wait, and see whether the server was told to cancel it. For behaviour of the call path
/// that is not about transports.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly IList<McpServerTool> _tools;
    private readonly ConcurrentBag<(CancellationTokenSource Stop, Task Running)> _sessions = [];

    public InProcessServer(params McpServerTool[] tools) => _tools = tools;

    /// <summary>Completed by the test to let a waiting tool answer.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many calls the tools received.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many calls the server was told to cancel (their token was cancelled by <c>notifications/cancelled</c>).</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    private int _calls;
    private int _cancelled;

    /// <summary>An echo tool that waits for <see cref="Release"/> (or for the call to be cancelled) before it answers,
    /// and a <c>hold</c> tool that does the same, counted apart.</summary>
    public static InProcessServer WaitingEcho(bool readOnly)
    {
        InProcessServer? server = null;
        var hold = McpServerTool.Create(
            async (CancellationToken cancellationToken) =>
            {
                Interlocked.Increment(ref server!._holds);
                await server.Release.Task.WaitAsync(cancellationToken);
                return "held";
            },
            new McpServerToolCreateOptions { Name = "hold", ReadOnly = true });
        var echo = McpServerTool.Create(
            async (string message, CancellationToken cancellationToken) =>
            {
                Interlocked.Increment(ref server!._calls);
                try
                {
                    await server.Release.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref server._cancelled);
                    throw;
                }

                return message;
            },
            new McpServerToolCreateOptions { Name = "echo", ReadOnly = readOnly, Destructive = !readOnly, Idempotent = readOnly });
        server = new InProcessServer(echo, hold);
        return server;
    }

    /// <summary>How many calls the <c>hold</c> tool received.</summary>
    public int Holds => Volatile.Read(ref _holds);

    private int _holds;

    /// <summary>Whether the server received a message naming <paramref name="method"/>, e.g. <c>notifications/cancelled</c>.</summary>
    public bool Received(string method)
    {
        lock (_received)
        {
            return _received.ToString().Contains($"\"{method}\"", StringComparison.Ordinal);
        }
    }

    private readonly System.Text.StringBuilder _received = new();

    /// <summary>An echo tool that answers at once.</summary>
    public static InProcessServer Echo(bool readOnly = true)
    {
        InProcessServer? server = null;
        var echo = McpServerTool.Create(
            (string message) =>
            {
                Interlocked.Increment(ref server!._calls);
                return message;
            },
            new McpServerToolCreateOptions { Name = "echo", ReadOnly = readOnly, Destructive = !readOnly, Idempotent = readOnly });
        server = new InProcessServer(echo);
        return server;
    }

    public ServerDefinition Definition(string name) => ServerDefinition.Custom(name, CreateTransport) with { ProtocolVersion = "2025-11-25" };

    /// <summary>A client transport to a new session of this server.</summary>
    public IClientTransport CreateTransport()
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "in-process", Version = "1.0.0" },
            ToolCollection = [.. _tools],
        };
        var incoming = new RecordingStream(clientToServer.Reader.AsStream(), _received);
        var server = McpServer.Create(new StreamServerTransport(incoming, serverToClient.Writer.AsStream(), "in-process"), options);
        var stop = new CancellationTokenSource();
        _sessions.Add((stop, server.RunAsync(stop.Token)));
        return new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream());
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        foreach (var (stop, running) in _sessions)
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }

            stop.Dispose();
        }
    }
}

/// <summary>Passes a stream through, keeping a copy of what was read as text.</summary>
file sealed class RecordingStream(Stream inner, System.Text.StringBuilder record) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    private int Keep(ReadOnlySpan<byte> read)
    {
        lock (record)
        {
            record.Append(System.Text.Encoding.UTF8.GetString(read));
        }

        return read.Length;
    }
}
