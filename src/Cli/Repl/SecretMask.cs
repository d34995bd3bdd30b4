using System.Text.Encodings.Web;
using McpFleet.Configuration;

namespace McpFleet.Cli.Repl;

/// <summary>
/// The secrets of every server the session has had (environment values, headers, substituted variables), masked in
/// everything it prints: messages, tables, and tool results too, since a tool may echo a credential back.
/// </summary>
internal sealed class SecretMask
{
    /// <summary>How the JSON output escapes text; a secret is also masked in that form.</summary>
    public static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    public void Add(ServerDefinition server)
    {
        if (server.Secrets.IsDefaultOrEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _secrets = [.. _secrets.Union(server.Secrets.SelectMany(secret => new[] { secret, JsonEncoder.Encode(secret) }), StringComparer.Ordinal)];
        }
    }

    public string Redact(string text) => SecretRedactor.Redact(text, Volatile.Read(ref _secrets));
}
