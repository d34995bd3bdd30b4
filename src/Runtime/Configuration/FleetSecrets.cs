using System.Text.Encodings.Web;

namespace McpFleet.Configuration;

/// <summary>
/// The secrets of every server of a fleet, for masking and for refusing output that holds one. Text from one server is
/// masked with all of them: a server's error can echo another server's token (a shared upstream, a proxy, a hostile
/// server that found it). Each secret is also kept as JSON escapes it, as it appears in snapshots and in JSON-RPC text.
/// </summary>
/// <remarks>Servers only add: a secret of a server that left the fleet may still turn up in text.</remarks>
internal sealed class FleetSecrets
{
    private static readonly JavaScriptEncoder[] s_jsonEncoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    private readonly Lock _gate = new();

    // Longest first, so a secret that contains another is masked whole.
    private string[] _secrets = [];

    public FleetSecrets()
    {
    }

    public FleetSecrets(IEnumerable<ServerDefinition> servers)
    {
        foreach (var server in servers)
        {
            Add(server.Secrets);
        }
    }

    /// <summary>Adds a server's secrets.</summary>
    public void Add(IEnumerable<string> secrets)
    {
        var forms = secrets
            .Where(secret => secret.Length >= SecretRedactor.MinimumSecretLength)
            .SelectMany(secret => s_jsonEncoders.Select(encoder => encoder.Encode(secret)).Prepend(secret))
            .ToList();
        if (forms.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var known = _secrets;
            var added = forms.Where(form => !known.Contains(form, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                Volatile.Write(ref _secrets, [.. known.Concat(added).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)]);
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in Volatile.Read(ref _secrets))
        {
            // Replace returns the same instance when there is nothing to replace.
            text = text.Replace(secret, SecretRedactor.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> holds any of the secrets.</summary>
    public bool IsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in Volatile.Read(ref _secrets))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
