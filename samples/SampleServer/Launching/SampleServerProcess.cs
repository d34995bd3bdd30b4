using System.Globalization;

namespace McpFleet.SampleServer.Launching;

/// <summary>
/// An instance of this sample server running as a child process on a network transport, for demos and tests.
/// <see cref="StartAsync"/> returns once the server listens; disposing ends its whole process tree.
/// </summary>
public sealed class SampleServerProcess : IAsyncDisposable
{
    private readonly ListeningProcess _process;

    private SampleServerProcess(ListeningProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>
    /// This server's assembly. A project that references the sample server's project gets it, with its
    /// <c>.runtimeconfig.json</c> and <c>.deps.json</c>, copied beside its own output.
    /// </summary>
    public static string ServerAssemblyPath { get; } = typeof(SampleServerProcess).Assembly.Location;

    /// <summary>The <c>dotnet</c> executable running this process, so servers run on the same .NET installation.</summary>
    public static string DotNetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    /// <summary>The URL clients connect to, e.g. <c>http://127.0.0.1:41234/mcp</c> or <c>ws://127.0.0.1:41234/ws</c>.</summary>
    public Uri Endpoint { get; }

    public int ProcessId => _process.ProcessId;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote to stderr, for assertion messages.</summary>
    public string StandardErrorTail => _process.StandardErrorTail;

    /// <summary>The command and arguments that start the server on stdio, e.g. for a <c>StdioClientTransport</c>.</summary>
    public static (string Command, string[] Arguments) StdioCommand(string name, params string[] args) =>
        (DotNetHost, [ServerAssemblyPath, "--name", name, .. args]);

    /// <summary>Starts the server on 127.0.0.1 and a free port, and waits until it listens.</summary>
    /// <param name="name">The server's <c>--name</c>.</param>
    /// <param name="transport">The network transport to serve.</param>
    /// <param name="extraArgs">More command-line arguments, e.g. <c>["--tools", "echo"]</c>.</param>
    /// <param name="environment">Environment variables to set for the server, on top of the ones it inherits.</param>
    /// <param name="port">The port; 0 (the default) picks a free one. A fixed port lets a test restart a server where it was.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">The server exited before it listened.</exception>
    /// <exception cref="TimeoutException">The server did not listen within <see cref="ListeningProcess.StartTimeout"/>.</exception>
    public static async Task<SampleServerProcess> StartAsync(
        string name,
        SampleTransport transport,
        IEnumerable<string>? extraArgs = null,
        IReadOnlyDictionary<string, string>? environment = null,
        int port = 0,
        CancellationToken cancellationToken = default)
    {
        var process = await ListeningProcess.StartAsync(
            $"Sample server '{name}'",
            DotNetHost,
            [
                ServerAssemblyPath, "--name", name, "--transport", TransportOption(transport),
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), .. extraArgs ?? [],
            ],
            ReadyLine.Pattern(),
            environment,
            cancellationToken);
        return new SampleServerProcess(process, new Uri(process.ReadyMatch.Groups["endpoint"].Value));
    }

    /// <summary>The <c>--transport</c> value that serves <paramref name="transport"/>.</summary>
    private static string TransportOption(SampleTransport transport) => transport switch
    {
        SampleTransport.Http => "http",
        SampleTransport.Sse => "sse",
        SampleTransport.WebSocket => "ws",
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "Unknown transport."),
    };

    /// <summary>Kills the server's process tree at once, as a crash would, and waits until it is gone.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Waits until the server exits by itself and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
