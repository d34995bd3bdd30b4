using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Naming;

/// <summary>Turns wire names (<c>get-item</c>, <c>read_text_file</c>, <c>HTTPServer</c>) into idiomatic C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// The PascalCase identifier for a wire name: words split at punctuation and at case changes, long acronyms
    /// cased as words (<c>HTTPServer</c> → <c>HttpServer</c>, as the .NET naming guidelines ask).
    /// </summary>
    /// <param name="wireName">The name on the wire.</param>
    /// <param name="fallback">The identifier to use when the name has no letters or digits.</param>
    public static IdentifierCandidate ToPascal(string wireName, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(wireName))
        {
            AppendPascalWord(builder, word);
        }

        if (builder.Length == 0)
        {
            return new IdentifierCandidate(fallback, "the name has no letters or digits");
        }

        if (char.IsDigit(builder[0]))
        {
            return new IdentifierCandidate("_" + builder, "a C# name cannot start with a digit");
        }

        var name = builder.ToString();
        return SyntaxFacts.IsValidIdentifier(name)
            ? new IdentifierCandidate(name, null)
            : new IdentifierCandidate(fallback, "the name has no valid C# form");
    }

    /// <summary>The camelCase form of a PascalCase identifier: its leading capitals lowered (<c>IOStream</c> → <c>ioStream</c>).</summary>
    public static string ToCamel(string pascal)
    {
        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            // Keep the capital that starts the next word: IOStream → ioStream, not iostream.
            if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Whether the identifier is a reserved C# keyword and so needs <c>@</c> to be used as a name.</summary>
    public static bool IsKeyword(string identifier) => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None;

    /// <summary>The identifier as it must be written in code: <c>@class</c> for a keyword.</summary>
    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    /// <summary>Whether a configured type name can be used as written.</summary>
    public static bool IsValidTypeName(string name) => SyntaxFacts.IsValidIdentifier(name) && !IsKeyword(name);

    /// <summary>Whether a configured namespace is dot-separated identifiers that are not keywords.</summary>
    public static bool IsValidNamespace(string name)
    {
        var segments = name.Split('.');

        // A namespace named 'global' would be shadowed by the global:: alias that generated code relies on.
        return segments.All(IsValidTypeName) && segments[0] != "global";
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && StartsWord(name, i))
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Whether the letter at <paramref name="i"/> starts a word: <c>read|Text</c>, <c>file2|Name</c>, <c>HTTP|Server</c>.</summary>
    private static bool StartsWord(string name, int i)
    {
        var c = name[i];
        var previous = name[i - 1];
        if (!char.IsUpper(c))
        {
            return false;
        }

        return char.IsLower(previous)
            || char.IsDigit(previous)
            || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
    }

    private static void AppendPascalWord(StringBuilder builder, string word)
    {
        var letters = word.Count(char.IsLetter);
        var isAcronym = letters > 2 && !word.Any(char.IsLower);
        builder.Append(char.ToUpperInvariant(word[0]));
        builder.Append(isAcronym ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
    }
}
