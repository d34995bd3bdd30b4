using McpFleet.Configuration;

namespace McpFleet.Secrets;

/// <summary>
/// Every secret of every server the fleet has held (headers, environment values, tokens named in the configuration),
/// so that any text McpFleet writes — an exception message, an event's reason, a log — is masked against all of them,
/// not only against the server it is about. Secrets are kept after their server leaves: its failures can still be
/// reported.
/// </summary>
internal sealed class FleetSecrets
{
    private readonly Lock _gate = new();
    private string[] _secrets = [];

    /// <summary>Adds a server's secrets.</summary>
    public void Add(ServerDefinition server)
    {
        if (server.Secrets.IsDefaultOrEmpty || server.Secrets.All(secret => _secrets.Contains(secret, StringComparer.Ordinal)))
        {
            return;
        }

        lock (_gate)
        {
            _secrets = [.. _secrets.Union(server.Secrets, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The text with every secret replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public string Mask(string text)
    {
        var secrets = Volatile.Read(ref _secrets);
        return secrets.Length == 0 ? text : SecretRedactor.Redact(text, secrets);
    }

    /// <summary>
    /// An exception fit to be the inner exception of one McpFleet throws: <paramref name="exception"/> itself when nothing
    /// in it (message, stack trace, inner exceptions) reveals a secret, otherwise a <see cref="MaskedException"/> copy.
    /// </summary>
    public Exception Wrap(Exception exception)
    {
        var secrets = Volatile.Read(ref _secrets);
        return secrets.Length == 0 || !SecretRedactor.ContainsSecret(exception.ToString(), secrets) ? exception : MaskedException.From(exception, this);
    }
}
