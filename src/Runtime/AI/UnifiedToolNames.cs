using System.Globalization;
using System.Text;

namespace McpFleet.AI;

/// <summary>
/// Model-facing names of unified tools: the tool's wire name when it is a valid model tool name (at most 64 characters
/// of <c>[A-Za-z0-9_-]</c>) and not taken; otherwise the generator's rule for per-server names with an empty server:
/// sanitised, cut, and given <c>-</c> and 8 hex digits of the FNV-1a hash of U+0000 and the tool's name.
/// </summary>
internal static class UnifiedToolNames
{
    public const int MaxLength = 64;
    private const int HashSuffixLength = 9;

    /// <summary>The name, or <see langword="null"/> when even the hashed form is taken.</summary>
    public static string? Create(string toolName, Func<string, bool> isTaken)
    {
        if (toolName.Length is > 0 and <= MaxLength && toolName.All(IsAllowed) && !isTaken(toolName))
        {
            return toolName;
        }

        var sanitized = Sanitize(toolName);
        var kept = sanitized.Length > MaxLength - HashSuffixLength ? sanitized[..(MaxLength - HashSuffixLength)] : sanitized;
        var hashed = kept + "-" + Hash(toolName).ToString("x8", CultureInfo.InvariantCulture);
        return isTaken(hashed) ? null : hashed;
    }

    /// <summary>Replaces each character outside <c>[A-Za-z0-9_-]</c> with <c>_</c>; a surrogate pair is one character.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (IsAllowed(name[i]))
            {
                builder.Append(name[i]);
                continue;
            }

            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }

            builder.Append('_');
        }

        return builder.ToString();
    }

    private static uint Hash(string toolName)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes("\0" + toolName))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash;
    }

    private static bool IsAllowed(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
}
