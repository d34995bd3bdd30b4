using McpFleet.SampleServer.Launching;
using ModelContextProtocol.Client;

namespace McpFleet.SampleServer.Tests;

/// <summary>A sample server started over one transport with an <see cref="McpClient"/> connected to it.</summary>
internal sealed class ConnectedServer : IAsyncDisposable
{
    // Only against hangs: a test that needs anywhere near this long is broken.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private ConnectedServer(SampleServerProcess? process) => Process = process;

    public McpClient Client { get; private set; } = null!;

    /// <summary>The server process on HTTP transports; on stdio the client owns the process.</summary>
    public SampleServerProcess? Process { get; }

    /// <summary>Cancelled when the test has run far too long.</summary>
    public CancellationToken CancellationToken => _timeout.Token;

    public static async Task<ConnectedServer> StartAsync(
        ServerTransportKind kind, string name, string[]? args = null, string? protocolVersion = null, TimeSpan? discoverProbeTimeout = null)
    {
        args ??= [];
        SampleServerProcess? process = kind == ServerTransportKind.Stdio
            ? null
            : await SampleServerProcess.StartAsync(name, kind.ToSampleTransport(), args);
        ConnectedServer server = new(process);
        try
        {
            McpClientOptions options = new()
            {
                ProtocolVersion = protocolVersion,

                // The server answers server/discover (the --ignore-discover tests pass a short timeout of their own), but a
                // cold one on a busy machine can answer after the SDK's 5 s; the client would then fall back to initialize,
                // which the server refuses, having taken the late probe's revision. Without a probe timeout, the
                // initialization timeout bounds the probe instead.
                DiscoverProbeTimeout = discoverProbeTimeout ?? Timeout.InfiniteTimeSpan,
            };

            server.Client = await McpClient.CreateAsync(CreateTransport(kind, name, args, process), options, cancellationToken: server.CancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _timeout.Dispose();
    }

    private static IClientTransport CreateTransport(ServerTransportKind kind, string name, string[] args, SampleServerProcess? process)
    {
        if (process is null)
        {
            (var command, var arguments) = SampleServerProcess.StdioCommand(name, args);
            return new StdioClientTransport(new StdioClientTransportOptions { Name = name, Command = command, Arguments = arguments });
        }

        return HttpTransports.Create(kind, name, process);
    }
}
