using McpFleet.Configuration;

namespace McpFleet.Cli.Repl;

/// <summary>The names the REPL uses for transports, on its command line, in <c>add</c> and in <c>servers</c>.</summary>
internal static class TransportNames
{
    /// <summary>The remote transports <c>--transport</c> and <c>add</c> accept.</summary>
    public static readonly IReadOnlyList<string> Remote = ["http", "streamable-http", "sse", "ws"];

    /// <exception cref="ReplException">The name is not a remote transport.</exception>
    public static TransportKind ParseRemote(string name) => name switch
    {
        "http" => TransportKind.Http,
        "streamable-http" => TransportKind.StreamableHttp,
        "sse" => TransportKind.Sse,
        "ws" => TransportKind.WebSocket,
        _ => throw new ReplException($"Unknown transport '{name}'; expected {string.Join(", ", Remote)}."),
    };

    public static string Format(TransportKind transport) => transport switch
    {
        TransportKind.Stdio => "stdio",
        TransportKind.Http => "http",
        TransportKind.StreamableHttp => "streamable-http",
        TransportKind.Sse => "sse",
        TransportKind.WebSocket => "ws",
        _ => "custom",
    };
}
