using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace McpFleet.Discovery;

/// <summary>
/// One server per address of a DNS name, like a Kubernetes headless service or gRPC's DNS resolver: the name is
/// resolved again every <see cref="DnsDiscoveryOptions.RefreshInterval"/>. A failed resolution is logged and retried
/// with backoff while the servers stay as they were.
/// </summary>
public sealed class DnsDiscovery : IServerDiscovery
{
    private readonly string _hostName;
    private readonly int _port;
    private readonly string _scheme;
    private readonly string _path;
    private readonly string _namePrefix;
    private readonly AddressFamily? _addressFamily;
    private readonly TimeSpan _refreshInterval;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly ServerDefinition _shared;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the provider; nothing is resolved until <see cref="WatchAsync"/>.</summary>
    /// <param name="options">The name and the servers' settings; validated and copied here.</param>
    /// <param name="loggerFactory">Receives the provider's logs.</param>
    /// <param name="timeProvider">Times the refresh interval and the retries; the system clock by default.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public DnsDiscovery(DnsDiscoveryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _hostName = options.HostName;
        _port = options.Port;
        _scheme = options.Scheme;
        _path = options.Path;
        _namePrefix = options.NamePrefix ?? options.HostName.Split('.')[0];
        _addressFamily = options.AddressFamily;
        _refreshInterval = options.RefreshInterval;
        _resolve = options.Resolver;
        var headers = ImmutableDictionary.CreateRange(StringComparer.Ordinal, options.Headers);
        _shared = new ServerDefinition
        {
            Name = _namePrefix,
            Transport = options.Transport,
            Headers = headers,
            Secrets = SecretRedactor.Collect(headers.Values),
            Tags = [.. options.Tags],
            ReplicaOf = options.ReplicaOf,
            Weight = options.Weight,
            Priority = options.Priority,
        };
        _timeProvider = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DnsDiscovery>();
        _retry = DiscoveryRetry.Create(Name, options.RetryDelay, options.MaxRetryDelay, _timeProvider, logger);
    }

    /// <inheritdoc />
    public string Name => $"dns {_hostName}:{_port}";

    /// <inheritdoc />
    public IAsyncEnumerable<IReadOnlyList<ServerDefinition>> WatchAsync(CancellationToken cancellationToken) =>
        ServerSets.DistinctChangesAsync(ResolveRepeatedlyAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<IEnumerable<ServerDefinition>> ResolveRepeatedlyAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var addresses = await _retry
                .ExecuteAsync(token => new ValueTask<IPAddress[]>(_resolve(_hostName, token)), cancellationToken)
                .ConfigureAwait(false);
            yield return addresses
                .Where(address => _addressFamily is null || address.AddressFamily == _addressFamily)
                .Distinct()
                .Select(ToServer);
            await Task.Delay(_refreshInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private ServerDefinition ToServer(IPAddress address) => _shared with
    {
        Name = $"{_namePrefix}-{NamePart(address)}",
        Endpoint = new Uri($"{_scheme}://{new IPEndPoint(address, _port)}{_path}"),
    };

    /// <summary>The address with every character but letters, digits and dots replaced by '-': IPv6 colons and scope
    /// ids would otherwise leak into names that must stay plain.</summary>
    private static string NamePart(IPAddress address) =>
        string.Concat(address.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-'));
}
