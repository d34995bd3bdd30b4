using System.Collections.Immutable;

namespace McpFleet.Configuration;

/// <summary>Replaces known secret values in text meant for people (messages, logs, error output).</summary>
public static class SecretRedactor
{
    /// <summary>What a redacted secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not redacted: masking every "1" or "on" would garble text and hide nothing.</summary>
    public const int MinimumSecretLength = 4;

    /// <summary>Returns <paramref name="text"/> with every occurrence of every secret replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);

        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in secrets.Where(IsRedactable).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A server's secrets as <see cref="ServerDefinition.Secrets"/> keeps them: each once, in ordinal order.</summary>
    internal static ImmutableArray<string> Collect(IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="text"/> contains any of the secrets.</summary>
    public static bool ContainsSecret(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        return secrets.Where(IsRedactable).Any(secret => text.Contains(secret, StringComparison.Ordinal));
    }

    private static bool IsRedactable(string secret) => secret.Length >= MinimumSecretLength;
}
