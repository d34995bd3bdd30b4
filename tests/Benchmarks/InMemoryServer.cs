using System.ComponentModel;
using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.Benchmarks;

/// <summary>An MCP server with an echo tool in this process, connected over a pair of pipes: calls cost no network.</summary>
internal sealed class InMemoryServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    /// <param name="latency">How long echo waits before it answers, like a server doing work; none by default.</param>
    public InMemoryServer(TimeSpan latency = default)
    {
        var echo = latency > TimeSpan.Zero
            ? McpServerTool.Create(
                async ([Description("Text.")] string message, CancellationToken cancellationToken) =>
                {
                    await Task.Delay(latency, cancellationToken);
                    return message;
                },
                new McpServerToolCreateOptions { Name = "echo", ReadOnly = true })
            : McpServerTool.Create(([Description("Text.")] string message) => message, new McpServerToolCreateOptions { Name = "echo", ReadOnly = true });
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "bench", Version = "1.0.0" },
            ToolCollection = [echo],
        };
        var server = McpServer.Create(new StreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream(), "bench"), options);
        _running = server.RunAsync(_stopping.Token);
    }

    /// <summary>A client transport over this server's pipes; one connection at a time.</summary>
    public IClientTransport CreateTransport() => new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }
}
