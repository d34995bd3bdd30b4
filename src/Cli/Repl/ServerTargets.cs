using System.Text.RegularExpressions;
using McpFleet.Configuration;

namespace McpFleet.Cli.Repl;

/// <summary>
/// Reads servers given as <c>name=target</c> on the command line or to <c>add</c>, as the classic multi-server clients
/// take them: a URL, a <c>host:port</c> shorthand for the transport's usual path, or a stdio command line.
/// </summary>
internal static partial class ServerTargets
{
    /// <summary>Whether a command-line argument names a server (<c>name=target</c>) rather than being a verb's argument.</summary>
    public static bool IsTargetArgument(string argument) =>
        argument.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals && ServerName().IsMatch(argument.AsSpan(0, equals));

    /// <summary>Reads <c>name=target</c>.</summary>
    /// <exception cref="ReplException">The argument is not a valid server.</exception>
    public static ServerDefinition Parse(string argument, TransportKind transport)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0
            ? throw new ReplException($"Expected name=target, e.g. alpha=127.0.0.1:8080; got '{argument}'.")
            : Create(argument[..equals], argument[(equals + 1)..], transport);
    }

    /// <summary>A server named <paramref name="name"/> at <paramref name="target"/>.</summary>
    /// <param name="name">The fleet's name for it.</param>
    /// <param name="target"><c>http(s)://…</c> or <c>ws(s)://…</c>, <c>host:port</c>, or a stdio command line.</param>
    /// <param name="transport">The transport of a <c>host:port</c> or <c>http(s)://</c> target.</param>
    /// <exception cref="ReplException">The name or the target is not valid.</exception>
    public static ServerDefinition Create(string name, string target, TransportKind transport)
    {
        if (!ServerName().IsMatch(name))
        {
            throw new ReplException($"Invalid server name '{name}': use letters, digits, '.', '-' and '_', starting with a letter or digit.");
        }

        target = target.Trim();
        if (HostAndPort().Match(target) is { Success: true } hostAndPort)
        {
            return ServerDefinition.Remote(name, ShorthandEndpoint(hostAndPort.Groups["host"].Value, hostAndPort.Groups["port"].Value, transport), transport);
        }

        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ws" or "wss")
        {
            var isWebSocket = url.Scheme is "ws" or "wss";
            if (transport == TransportKind.WebSocket && !isWebSocket)
            {
                throw new ReplException($"Server '{name}': the ws transport needs a ws:// or wss:// URL, not {url.Scheme}://.");
            }

            return ServerDefinition.Remote(name, url, isWebSocket ? TransportKind.WebSocket : transport);
        }

        var words = CommandLineWords.Split(target);
        return words.Count == 0
            ? throw new ReplException($"Server '{name}' has no target: give a URL, host:port or a command line.")
            : ServerDefinition.Stdio(name, words[0], words.Skip(1));
    }

    /// <summary>Where a server is, without secrets: its URL (no user info or query) or its command line.</summary>
    public static string Describe(ServerDefinition server)
    {
        // DescribeTarget starts with the transport, which the REPL shows on its own.
        var target = server.DescribeTarget();
        return target.IndexOf(' ', StringComparison.Ordinal) is >= 0 and var space ? target[(space + 1)..] : target;
    }

    private static Uri ShorthandEndpoint(string host, string port, TransportKind transport) => new(transport switch
    {
        TransportKind.Sse => $"http://{host}:{port}/sse",
        TransportKind.WebSocket => $"ws://{host}:{port}/ws",
        _ => $"http://{host}:{port}/mcp",
    });

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ServerName();

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?<port>[0-9]{1,5})$")]
    private static partial Regex HostAndPort();
}
