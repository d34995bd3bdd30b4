using System.Globalization;
using System.Text;

namespace McpFleet.Generator.Naming;

/// <summary>
/// The names under which tools are shown to a model: <c>server{separator}tool</c>. Model APIs accept 64 characters of
/// <c>[A-Za-z0-9_-]</c> at most, so a name that does not fit is sanitised (other characters become <c>_</c>), cut, and
/// given <c>-</c> and 8 hex digits of the FNV-1a hash of <c>server</c> U+0000 <c>tool</c>: stable across builds and
/// machines, and unique unless two hashes collide (which the fleet reports).
/// </summary>
internal static class ModelToolNames
{
    public const int MaxLength = 64;
    public const string DefaultSeparator = "__";

    private const int HashSuffixLength = 9;

    public static bool IsValidSeparator(string separator) => separator.Length > 0 && separator.All(IsAllowed);

    /// <summary>The model-facing name, and whether it had to be changed to fit.</summary>
    public static (string Name, bool IsChanged) Create(string server, string tool, string separator)
    {
        var joined = server + separator + tool;
        var sanitized = Sanitize(joined);
        if (sanitized == joined && joined.Length <= MaxLength)
        {
            return (joined, false);
        }

        var kept = sanitized.Length > MaxLength - HashSuffixLength ? sanitized.Substring(0, MaxLength - HashSuffixLength) : sanitized;
        return (kept + "-" + Hash(server, tool).ToString("x8", CultureInfo.InvariantCulture), true);
    }

    /// <summary>FNV-1a, 32 bits, over the UTF-8 of <c>server</c> U+0000 <c>tool</c>.</summary>
    public static uint Hash(string server, string tool)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(server + "\0" + tool))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash;
    }

    /// <summary>Replaces each character outside <c>[A-Za-z0-9_-]</c> with <c>_</c>; a surrogate pair is one character.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (IsAllowed(c))
            {
                builder.Append(c);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }

            builder.Append('_');
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
}
