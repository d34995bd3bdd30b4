using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using McpFleet.Configuration;

namespace McpFleet.Discovery;

/// <summary>
/// Which DNS name a <see cref="DnsDiscovery"/> resolves, how each address becomes a server, and the settings every
/// such server shares.
/// </summary>
public sealed class DnsDiscoveryOptions
{
    /// <summary>The name to resolve, e.g. a Kubernetes headless service (<c>mcp.default.svc.cluster.local</c>).</summary>
    public string HostName { get; set; } = "";

    /// <summary>The port the servers listen on.</summary>
    public int Port { get; set; }

    /// <summary>The path of the MCP endpoint. Default: <c>/mcp</c>.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary><c>http</c> (the default) or <c>https</c>.</summary>
    public string Scheme { get; set; } = Uri.UriSchemeHttp;

    /// <summary>The transport: <see cref="TransportKind.Http"/> (the default), <see cref="TransportKind.StreamableHttp"/>
    /// or <see cref="TransportKind.Sse"/>.</summary>
    public TransportKind Transport { get; set; } = TransportKind.Http;

    /// <summary>How often the name is resolved again. Default: 30 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The start of each server's name, <c>{NamePrefix}-{address}</c> (e.g. <c>mcp-10.0.0.7</c>, <c>mcp-fd00--7</c>).
    /// Default: the first label of <see cref="HostName"/>.
    /// </summary>
    public string? NamePrefix { get; set; }

    /// <summary>Only addresses of this family: <see cref="AddressFamily.InterNetwork"/> (IPv4) or
    /// <see cref="AddressFamily.InterNetworkV6"/>. Default: both.</summary>
    public AddressFamily? AddressFamily { get; set; }

    /// <summary>HTTP headers sent to every server found. Their values are secrets.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tags of every server found.</summary>
    public IList<string> Tags { get; } = [];

    /// <summary>
    /// The snapshot server every address is an instance of (e.g. <c>weather</c> for the pods behind a headless service):
    /// its typed methods and replica groups route among them. <see langword="null"/>: each is a server of its own.
    /// </summary>
    public string? ReplicaOf { get; set; }

    /// <summary>The weight of every server found; at least 1. Default: 1.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>The priority of every server found. Default: 0.</summary>
    public int Priority { get; set; }

    /// <summary>The first delay before resolving again after a failure; later ones grow exponentially. Default: 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts after failures. Default: 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolves a name to its addresses; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> by default.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolver { get; set; } = Dns.GetHostAddressesAsync;

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Uri.CheckHostName(HostName) is UriHostNameType.Unknown)
        {
            throw new ValidationException($"{nameof(HostName)} must be a host name; it is '{HostName}'.");
        }

        if (Port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            throw new ValidationException($"{nameof(Port)} must be between 1 and {IPEndPoint.MaxPort}; it is {Port}.");
        }

        if (Path is null || !Path.StartsWith('/'))
        {
            throw new ValidationException($"{nameof(Path)} must start with '/'; it is '{Path}'.");
        }

        if (Scheme != Uri.UriSchemeHttp && Scheme != Uri.UriSchemeHttps)
        {
            throw new ValidationException($"{nameof(Scheme)} must be http or https; it is '{Scheme}'.");
        }

        if (Transport is not (TransportKind.Http or TransportKind.StreamableHttp or TransportKind.Sse))
        {
            throw new ValidationException($"{nameof(Transport)} must be Http, StreamableHttp or Sse; it is {Transport}.");
        }

        if (NamePrefix is { Length: 0 })
        {
            throw new ValidationException($"{nameof(NamePrefix)} must not be empty.");
        }

        if (AddressFamily is not (null or System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6))
        {
            throw new ValidationException($"{nameof(AddressFamily)} must be InterNetwork or InterNetworkV6; it is {AddressFamily}.");
        }

        if (Headers.Any(header => string.IsNullOrEmpty(header.Key) || header.Value is null) || Tags.Any(string.IsNullOrEmpty))
        {
            throw new ValidationException($"{nameof(Headers)} need names and values, and {nameof(Tags)} must not be empty.");
        }

        if (Weight < 1)
        {
            throw new ValidationException($"{nameof(Weight)} must be at least 1; it is {Weight}.");
        }

        if (RefreshInterval <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            throw new ValidationException(
                $"{nameof(RefreshInterval)} and {nameof(RetryDelay)} must be positive, and {nameof(MaxRetryDelay)} at least {nameof(RetryDelay)}.");
        }

        if (Resolver is null)
        {
            throw new ValidationException($"{nameof(Resolver)} is required.");
        }
    }
}
