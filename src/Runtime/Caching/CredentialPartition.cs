using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using McpFleet.Configuration;
using ModelContextProtocol.Authentication;

namespace McpFleet.Caching;

/// <summary>
/// The part of a cache key that keeps one caller's results from another's: a SHA-256 hash of the credentials the call
/// would be made with — every candidate server's headers, environment values, secrets and OAuth client, the token its
/// <see cref="ServerDefinition.TokenProvider"/> returns now — and the application's own
/// <see cref="CachingOptions.PartitionKey"/>. Only the hash is kept, so no secret reaches a key, a log or a metric.
/// </summary>
internal static class CredentialPartition
{
    // An OAuth login lives in its options object (its token cache and callbacks), so each object is an identity of its own.
    private static readonly ConditionalWeakTable<ClientOAuthOptions, object> s_oauthIdentities = [];
    private static long s_nextOAuthIdentity;

    /// <summary>Computes the partition of a call that may go to any of <paramref name="servers"/>.</summary>
    /// <remarks>Replicas with the same credentials count once, so a replica joining with them keeps the partition.</remarks>
    public static async ValueTask<string> ComputeAsync(IEnumerable<ServerDefinition> servers, Func<string?>? partitionKey, CancellationToken cancellationToken)
    {
        var tokens = new Dictionary<Func<CancellationToken, ValueTask<string>>, string>();
        var fingerprints = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            string? token = null;
            if (server.TokenProvider is { } provider && !tokens.TryGetValue(provider, out token))
            {
                token = await provider(cancellationToken).ConfigureAwait(false);
                tokens[provider] = token;
            }

            fingerprints.Add(Fingerprint(server, token));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var fingerprint in fingerprints)
        {
            Append(hash, fingerprint);
        }

        if (partitionKey?.Invoke() is { } key)
        {
            Append(hash, "partition");
            Append(hash, key);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Fingerprint(ServerDefinition server, string? token)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Header names are case-insensitive on the wire.
        foreach (var (name, value) in server.Headers.Select(h => (Name: h.Key.ToUpperInvariant(), h.Value)).OrderBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Value, StringComparer.Ordinal))
        {
            Append(hash, "header");
            Append(hash, name);
            Append(hash, value);
        }

        foreach (var (name, value) in server.EnvironmentVariables.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Append(hash, "env");
            Append(hash, name);
            Append(hash, value);
        }

        foreach (var secret in server.Secrets.Order(StringComparer.Ordinal))
        {
            Append(hash, "secret");
            Append(hash, secret);
        }

        if (server.OAuth is { } oauth)
        {
            Append(hash, "oauth");
            Append(hash, oauth.ClientId ?? "");
            Append(hash, oauth.ClientSecret ?? "");
            Append(hash, ((long)s_oauthIdentities.GetValue(oauth, _ => Interlocked.Increment(ref s_nextOAuthIdentity))).ToString(CultureInfo.InvariantCulture));
        }

        if (token is not null)
        {
            Append(hash, "token");
            Append(hash, token);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Appends a length-prefixed string, so no two sequences of fields hash alike by running together.</summary>
    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
