using System.ComponentModel.DataAnnotations;

namespace McpFleet.Discovery;

/// <summary>Where an <see cref="EtcdDiscovery"/> finds its servers, and how it talks to etcd.</summary>
public sealed class EtcdDiscoveryOptions
{
    /// <summary>The base address of etcd's v3 JSON gateway, e.g. <c>http://127.0.0.1:2379</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The key prefix, e.g. <c>/mcp/servers/</c>: each key under it is a server named by the rest of the key.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>
    /// The client to reach etcd with, e.g. one configured for TLS; its <see cref="HttpClient.Timeout"/> must be infinite,
    /// because a watch is one long request. Default: a client of the provider's own.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>How long authenticating, listing or opening the watch may take. Default: 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A user to authenticate as, when etcd has authentication enabled; needs <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    /// <summary>The password of <see cref="Username"/>. A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Whether entries may describe stdio servers, which this process would start. Default: <see langword="false"/>:
    /// whoever can write under the prefix could otherwise run commands here; such entries are skipped and logged.
    /// </summary>
    public bool AllowStdioServers { get; set; }

    /// <summary>The first delay before trying again after a failure; later ones grow exponentially. Default: 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts after failures. Default: 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is not { IsAbsoluteUri: true } || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ValidationException($"{nameof(Endpoint)} must be an absolute http or https URL.");
        }

        if (Endpoint.UserInfo.Length > 0 || Endpoint.Query.Length > 0)
        {
            // Not echoed: user info is a credential.
            throw new ValidationException($"{nameof(Endpoint)} must not hold user info or a query; use {nameof(Username)} and {nameof(Password)}.");
        }

        if (string.IsNullOrEmpty(Prefix))
        {
            throw new ValidationException($"{nameof(Prefix)} is required.");
        }

        if (HttpClient is { Timeout: var timeout } && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(HttpClient)}.Timeout must be infinite, because a watch is one long request; it is {timeout}.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"{nameof(RequestTimeout)} must be positive or infinite; it is {RequestTimeout}.");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            throw new ValidationException($"{nameof(Username)} and {nameof(Password)} go together.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            throw new ValidationException($"{nameof(RetryDelay)} must be positive and {nameof(MaxRetryDelay)} at least {nameof(RetryDelay)}.");
        }
    }
}
