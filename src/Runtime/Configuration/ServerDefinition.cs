using System.Collections.Immutable;
using System.Text;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;

namespace McpFleet.Configuration;

/// <summary>
/// One server of a fleet, as configured: how to start or reach it, what to send it, and how routing treats it.
/// Values are already substituted; <see cref="EnvironmentVariables"/>, <see cref="Headers"/> and tokens hold secrets
/// and are left out of <see cref="ToString"/>. Two definitions are equal when every setting is.
/// </summary>
public sealed record ServerDefinition
{
    /// <summary>The name the fleet knows the server by (the key in <c>mcp.json</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The transport used to reach the server.</summary>
    public required TransportKind Transport { get; init; }

    /// <summary>The executable of a stdio server.</summary>
    public string? Command { get; init; }

    /// <summary>The arguments of a stdio server.</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>
    /// Environment variables given to a stdio server, on top of the few it inherits (see <see cref="InheritEnvironment"/>).
    /// </summary>
    public ImmutableDictionary<string, string> EnvironmentVariables { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Whether a stdio server inherits the whole environment of this process. By default (<see langword="false"/>) it gets
    /// only what a process needs to run (<c>PATH</c>, <c>HOME</c>, locale, temporary folder and the like, listed in
    /// docs/security.md), <see cref="InheritedEnvironmentVariables"/> and its own
    /// <see cref="EnvironmentVariables"/>, so it cannot read the credentials meant for other servers.
    /// </summary>
    public bool InheritEnvironment { get; init; }

    /// <summary>More variables of this process's environment that a stdio server inherits, by name (e.g. <c>JAVA_HOME</c>, <c>HTTPS_PROXY</c>).</summary>
    public ImmutableArray<string> InheritedEnvironmentVariables { get; init; } = [];

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

    /// <summary>Supplies a bearer token for every HTTP request to this server, e.g. a rotating one; only this server
    /// receives it.</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; init; }

    /// <summary>Creates the transport of a <see cref="TransportKind.Custom"/> server, once per connection.</summary>
    public Func<IClientTransport>? TransportFactory { get; init; }

    /// <summary>OAuth settings for the MCP SDK's authorization flow with this server.</summary>
    public ClientOAuthOptions? OAuth { get; init; }

    /// <summary>
    /// The server whose typed methods this one also serves: an instance of a service the snapshot named, e.g. found
    /// by discovery. Calls for that server are routed among it and its replicas. <see langword="null"/>: only itself.
    /// </summary>
    public string? ReplicaOf { get; init; }

    /// <summary>The snapshot server this one answers for: <see cref="ReplicaOf"/>, or its own name.</summary>
    public string Service => ReplicaOf ?? Name;

    /// <summary>Labels for selecting servers, e.g. a region or a tier.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The server's share under weighted routing; at least 1.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The server's rank under priority routing: higher first.</summary>
    public int Priority { get; init; }

    /// <summary>How long a call to this server may take; <see langword="null"/> uses the fleet's.</summary>
    public TimeSpan? CallTimeout { get; init; }

    /// <summary>How long connecting to this server may take; <see langword="null"/> uses the fleet's.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>The most calls sent to this server at once; further calls wait. <see langword="null"/> uses the fleet's.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The largest message, in bytes, accepted from this server; <see langword="null"/> uses the fleet's
    /// (<see cref="Connections.ConnectionOptions.MaxMessageSize"/>).</summary>
    public long? MaxMessageSize { get; init; }

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

    /// <summary>A server reached over a transport the application creates, e.g. one connected to an in-process server.</summary>
    /// <param name="name">The fleet's name for the server.</param>
    /// <param name="transportFactory">Creates a transport for each connection (and reconnection).</param>
    public static ServerDefinition Custom(string name, Func<IClientTransport> transportFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(transportFactory);
        return new ServerDefinition { Name = name, Transport = TransportKind.Custom, TransportFactory = transportFactory };
    }

    /// <summary>Describes where the server is without revealing environment values, headers or secrets.</summary>
    public override string ToString() => $"{Name} ({DescribeTarget()})";

    /// <inheritdoc />
    public bool Equals(ServerDefinition? other) =>
        other is not null
        && Name == other.Name
        && Transport == other.Transport
        && Command == other.Command
        && Arguments.SequenceEqual(other.Arguments)
        && SameItems(EnvironmentVariables, other.EnvironmentVariables)
        && InheritEnvironment == other.InheritEnvironment
        && InheritedEnvironmentVariables.SequenceEqual(other.InheritedEnvironmentVariables)
        && WorkingDirectory == other.WorkingDirectory
        && Endpoint == other.Endpoint
        && SameItems(Headers, other.Headers)
        && ProtocolVersion == other.ProtocolVersion
        && Secrets.SequenceEqual(other.Secrets)
        && TokenProvider == other.TokenProvider
        && TransportFactory == other.TransportFactory
        && OAuth == other.OAuth
        && ReplicaOf == other.ReplicaOf
        && Tags.SequenceEqual(other.Tags)
        && Weight == other.Weight
        && Priority == other.Priority
        && CallTimeout == other.CallTimeout
        && ConnectTimeout == other.ConnectTimeout
        && MaxConcurrency == other.MaxConcurrency
        && MaxMessageSize == other.MaxMessageSize;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Transport, Command, Endpoint, Weight, Priority);

    /// <summary>A short, secret-free description of where the server is: its command line or its endpoint.</summary>
    public string DescribeTarget()
    {
        if (Transport == TransportKind.Custom)
        {
            return "custom transport";
        }

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

    private static bool SameItems(ImmutableDictionary<string, string> first, ImmutableDictionary<string, string> second) =>
        first.Count == second.Count && first.All(entry => second.TryGetValue(entry.Key, out var value) && value == entry.Value);
}
