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

    /// <summary>An echo tool that waits for <see cref="Release"/> (or for the call to be cancelled) before it answers.</summary>
    public static InProcessServer WaitingEcho(bool readOnly)
    {
        InProcessServer? server = null;
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
        server = new InProcessServer(echo);
        return server;
    }

    /// <summary>An echo tool that answers at once.</summary>
    public static InProcessServer Echo()
    {
        InProcessServer? server = null;
        var echo = McpServerTool.Create(
            (string message) =>
            {
                Interlocked.Increment(ref server!._calls);
                return message;
            },
            new McpServerToolCreateOptions { Name = "echo", ReadOnly = true });
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
        var server = McpServer.Create(new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), "in-process"), options);
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
