using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Naming;

/// <summary>Turns wire names (<c>get-item</c>, <c>read_text_file</c>, <c>HTTPServer</c>) into idiomatic C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>The longest identifier generated: well within the metadata limit even with a namespace and suffixes.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// The PascalCase identifier for a wire name: words split at punctuation and at case changes, long acronyms
    /// cased as words (<c>HTTPServer</c> → <c>HttpServer</c>, as the .NET naming guidelines ask).
    /// </summary>
    /// <param name="wireName">The name on the wire.</param>
    /// <param name="fallback">The identifier to use when the name has no letters or digits.</param>
    public static IdentifierCandidate ToPascal(string wireName, string fallback)
    {
        var words = SplitWords(wireName);
        if (words.Count == 0)
        {
            return new IdentifierCandidate(fallback, "the name has no letters or digits");
        }

        var name = Join(words);
        if (char.IsDigit(name[0]))
        {
            return new IdentifierCandidate(Fit("_" + name), "a C# name cannot start with a digit");
        }

        return SyntaxFacts.IsValidIdentifier(name)
            ? new IdentifierCandidate(Fit(name), null)
            : new IdentifierCandidate(fallback, "the name has no valid C# form");
    }

    /// <summary>
    /// The member name for an enum's wire value. Like <see cref="ToPascal"/>, but a value that starts with a number
    /// reads as a value: a number with a unit puts the unit first (<c>15m</c> → <c>M15</c>, <c>2d_array</c> →
    /// <c>D2Array</c>), a bare number gets <c>Value</c> (<c>1</c> → <c>Value1</c>, <c>1.5</c> → <c>Value1_5</c>).
    /// </summary>
    public static IdentifierCandidate ToEnumMember(string wireValue)
    {
        var words = SplitWords(wireValue);
        if (words.Count == 0 || !char.IsDigit(words[0][0]))
        {
            return ToPascal(wireValue, "Value");
        }

        var first = words[0];
        var digits = 0;
        while (digits < first.Length && char.IsDigit(first[digits]))
        {
            digits++;
        }

        if (digits < first.Length)
        {
            words[0] = first.Substring(digits) + first.Substring(0, digits);
        }
        else
        {
            words.Insert(0, "Value");
        }

        var name = Join(words);
        return SyntaxFacts.IsValidIdentifier(name)
            ? new IdentifierCandidate(Fit(name), "a C# name cannot start with a digit")
            : new IdentifierCandidate("Value", "the name has no valid C# form");
    }

    /// <summary>
    /// The name cut to <see cref="MaxLength"/> characters, its end replaced by a hash of the whole name: metadata names
    /// have a length limit (CS7013), and generated names add to the identifiers they start from.
    /// </summary>
    public static string Fit(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * prime);
        }

        return name.Substring(0, MaxLength - 9) + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
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

    /// <summary>
    /// The words of a name: runs of letters and digits split at punctuation and case changes. A sign before a number
    /// is a word (<c>+1</c> → Plus 1, <c>reactions--1</c> → Reactions Minus 1), so that signed values stay distinct.
    /// </summary>
    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                if (c is '+' or '-' && i + 1 < name.Length && char.IsDigit(name[i + 1]) && (i == 0 || !char.IsLetterOrDigit(name[i - 1])))
                {
                    words.Add(c == '+' ? "Plus" : "Minus");
                }

                continue;
            }

            if (word.Length > 0 && StartsWord(name, i))
            {
                words.Add(word.ToString());
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Joins words in PascalCase; two numbers in a row keep a <c>_</c> between them (<c>v1.2</c> → <c>V1_2</c>, not V12).</summary>
    private static string Join(List<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(word[0]))
            {
                builder.Append('_');
            }

            AppendPascalWord(builder, word);
        }

        return builder.ToString();
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
