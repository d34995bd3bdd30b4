using System.Text.Encodings.Web;
using McpFleet.Configuration;

namespace McpFleet.Secrets;

/// <summary>
/// Every secret of every server the fleet has held (headers, environment values, tokens named in the configuration),
/// so that any text McpFleet writes — an exception message, an event's reason, a log — is masked against all of them,
/// not only against the server it is about: a server's error can echo another server's token (a shared upstream, a
/// proxy, a hostile server that found it). Each secret is also kept as JSON escapes it, as it appears in snapshots and
/// in JSON-RPC text. Secrets are kept after their server leaves: its failures can still be reported.
/// </summary>
internal sealed class FleetSecrets
{
    private static readonly JavaScriptEncoder[] s_jsonEncoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    private readonly Lock _gate = new();

    // Longest first, so a secret that contains another is masked whole.
    private string[] _secrets = [];

    public FleetSecrets()
    {
    }

    /// <summary>The secrets of <paramref name="servers"/>.</summary>
    public FleetSecrets(IEnumerable<ServerDefinition> servers)
    {
        foreach (var server in servers)
        {
            Add(server);
        }
    }

    /// <summary>Adds a server's secrets.</summary>
    public void Add(ServerDefinition server)
    {
        var forms = server.Secrets
            .Where(secret => secret.Length >= SecretRedactor.MinimumSecretLength)
            .SelectMany(secret => s_jsonEncoders.Select(encoder => encoder.Encode(secret)).Prepend(secret))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        lock (_gate)
        {
            if (forms.Any(form => !_secrets.Contains(form, StringComparer.Ordinal)))
            {
                Volatile.Write(ref _secrets, [.. _secrets.Union(forms, StringComparer.Ordinal).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)]);
            }
        }
    }

    /// <summary>The text with every secret replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public string Mask(string text)
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

    /// <summary>
    /// An exception fit to be the inner exception of one McpFleet throws: <paramref name="exception"/> itself when nothing
    /// in it (message, stack trace, inner exceptions) reveals a secret, otherwise a <see cref="MaskedException"/> copy.
    /// </summary>
    public Exception Wrap(Exception exception) => IsIn(exception.ToString()) ? MaskedException.From(exception, this) : exception;
}
