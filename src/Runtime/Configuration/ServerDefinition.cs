using System.Collections.Immutable;
using System.Text;

namespace McpFleet.Configuration;

/// <summary>
/// One server of a fleet, as configured: how to start or reach it and what to send it.
/// Values are already substituted; <see cref="EnvironmentVariables"/> and <see cref="Headers"/> hold secrets and are
/// left out of <see cref="ToString"/>.
/// </summary>
public sealed class ServerDefinition
{
    /// <summary>The name the fleet knows the server by (the key in <c>mcp.json</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The transport used to reach the server.</summary>
    public required TransportKind Transport { get; init; }

    /// <summary>The executable of a stdio server.</summary>
    public string? Command { get; init; }

    /// <summary>The arguments of a stdio server.</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>Environment variables given to a stdio server, on top of the inherited environment.</summary>
    public ImmutableDictionary<string, string> EnvironmentVariables { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The working directory of a stdio server.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The endpoint of a remote server.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>HTTP headers sent to a remote server, and only to it.</summary>
    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// A protocol revision to use instead of probing for the newest one (e.g. <c>2025-11-25</c> for a server that
    /// ignores the <c>server/discover</c> probe). <see langword="null"/> lets the client negotiate.
    /// </summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>The values in this definition that must never be written to a snapshot, a log or a message.</summary>
    public ImmutableArray<string> Secrets { get; init; } = [];

    /// <summary>A server started as a child process that speaks MCP over its standard input and output.</summary>
    public static ServerDefinition Stdio(string name, string command, params IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(command);
        return new ServerDefinition { Name = name, Transport = TransportKind.Stdio, Command = command, Arguments = [.. arguments] };
    }

    /// <summary>A server reached over HTTP: Streamable HTTP with SSE fallback by default.</summary>
    public static ServerDefinition Remote(string name, Uri endpoint, TransportKind transport = TransportKind.Http)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (transport == TransportKind.Stdio)
        {
            throw new ArgumentOutOfRangeException(nameof(transport), transport, "A remote server needs an HTTP transport.");
        }

        return new ServerDefinition { Name = name, Transport = transport, Endpoint = endpoint };
    }

    /// <summary>Describes where the server is without revealing environment values, headers or secrets.</summary>
    public override string ToString() => $"{Name} ({DescribeTarget()})";

    /// <summary>A short, secret-free description of where the server is: its command line or its endpoint.</summary>
    public string DescribeTarget()
    {
        if (Transport != TransportKind.Stdio)
        {
            // Scheme, authority and path only: user info and query strings often carry credentials.
            return Endpoint is null
                ? Transport.ToString().ToLowerInvariant()
                : $"{Transport.ToString().ToLowerInvariant()} {Endpoint.Scheme}://{Endpoint.Authority}{Endpoint.AbsolutePath}";
        }

        var builder = new StringBuilder("stdio ").Append(Command);
        foreach (var argument in Arguments)
        {
            builder.Append(' ').Append(argument);
        }

        return SecretRedactor.Redact(builder.ToString(), Secrets);
    }
}
