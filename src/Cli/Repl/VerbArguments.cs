using System.Text.Json;

namespace McpFleet.Cli.Repl;

/// <summary>
/// What follows a verb on its line, read from left to right: words (server, tool and strategy names), then a JSON
/// object or a command line that runs to the end of the line.
/// </summary>
internal sealed class VerbArguments(string text)
{
    private static readonly JsonDocumentOptions s_jsonOptions = new() { MaxDepth = 64 };
    private static readonly JsonElement s_noArguments = JsonDocument.Parse("{}").RootElement.Clone();

    private int _position;

    /// <summary>Whether nothing but whitespace is left.</summary>
    public bool AtEnd => SkipWhiteSpace() == text.Length;

    /// <summary>Whether what is left begins like a JSON value rather than a name.</summary>
    public bool AtJson => SkipWhiteSpace() is var start && start < text.Length && text[start] is '{' or '[' or '"';

    /// <summary>The next whitespace-delimited word, or <see langword="null"/> at the end of the line.</summary>
    public string? ReadWord()
    {
        var start = SkipWhiteSpace();
        if (start == text.Length)
        {
            return null;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        _position = end;
        return text[start..end];
    }

    /// <summary>The next word, which must be there.</summary>
    /// <exception cref="ReplException">The line ends before it.</exception>
    public string ReadRequiredWord(string what, string usage) =>
        ReadWord() ?? throw new ReplException($"Missing {what}; usage: {usage}");

    /// <summary>Everything left on the line, trimmed.</summary>
    public string ReadRest()
    {
        var rest = text[SkipWhiteSpace()..].TrimEnd();
        _position = text.Length;
        return rest;
    }

    /// <summary>The rest of the line as a JSON object of tool arguments; <c>{}</c> when the line ends here.</summary>
    /// <exception cref="ReplException">The JSON is malformed (the message gives the position) or not an object.</exception>
    public JsonElement ReadJsonObject()
    {
        var json = ReadRest();
        if (json.Length == 0)
        {
            return s_noArguments;
        }

        try
        {
            using var document = JsonDocument.Parse(json, s_jsonOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ReplException($"Tool arguments must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}: {json}");
        }
        catch (JsonException e)
        {
            // JsonException counts from zero; people count from one.
            var where = e.LineNumber is > 0 ? $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}" : $"position {e.BytePositionInLine + 1}";
            throw new ReplException($"Malformed JSON arguments at {where}: {FirstSentence(e.Message)} in {json}", e);
        }
    }

    /// <summary>Checks that the line ends here.</summary>
    /// <exception cref="ReplException">Something is left.</exception>
    public void ExpectEnd(string usage)
    {
        if (!AtEnd)
        {
            throw new ReplException($"Unexpected '{text[SkipWhiteSpace()..].TrimEnd()}'; usage: {usage}");
        }
    }

    private int SkipWhiteSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }

        return _position;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
