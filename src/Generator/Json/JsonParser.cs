using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>
/// A strict RFC 8259 parser producing an immutable tree of <see cref="JsonNode"/>s that know their positions.
/// The generator cannot use System.Text.Json: Visual Studio runs generators on .NET Framework, which does not ship it.
/// </summary>
/// <remarks>
/// Strict means: no comments, no trailing commas, no single quotes, no leading zeros, no NaN or Infinity, no
/// unescaped control characters in strings, one value per text. Duplicate property names, which RFC 8259 leaves
/// undefined, are rejected too: a snapshot with two definitions of one thing is ambiguous. Nesting is limited to
/// <see cref="MaxDepth"/> levels, as in System.Text.Json, so that no input can exhaust the compiler's stack.
/// </remarks>
internal sealed class JsonParser
{
    public const int MaxDepth = 64;

    private const int EndOfText = -1;

    private readonly string _text;
    private readonly NameTable _names = new();
    private int _position;
    private int _line;
    private int _lineStart;
    private JsonSyntaxError? _error;

    private JsonParser(string text) => _text = text;

    private int Current => _position < _text.Length ? _text[_position] : EndOfText;

    public static JsonParseResult Parse(string text)
    {
        var parser = new JsonParser(text);
        var root = parser.ParseDocument();
        return root is null ? JsonParseResult.Failure(parser._error!) : JsonParseResult.Success(root);
    }

    private JsonNode? ParseDocument()
    {
        // RFC 8259 §8.1 lets parsers ignore a byte order mark; it takes no column.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _position = _lineStart = 1;
        }

        SkipWhitespace();
        if (Current == EndOfText)
        {
            return Fail("the text is empty; a snapshot is a JSON object");
        }

        var root = ParseValue(depth: 0);
        if (root is null)
        {
            return null;
        }

        SkipWhitespace();
        return Current == EndOfText ? root : Fail($"unexpected {Describe(Current)} after the end of the JSON value");
    }

    private JsonNode? ParseValue(int depth)
    {
        switch (Current)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                var start = Mark();
                var value = ReadString(isName: false);
                return value is null ? null : new JsonString(value, SpanFrom(start), LineSpanFrom(start));
            case '-':
            case >= '0' and <= '9':
                return ParseNumber();
            case 't':
                return ParseLiteral("true", (span, lineSpan) => new JsonBoolean(true, span, lineSpan));
            case 'f':
                return ParseLiteral("false", (span, lineSpan) => new JsonBoolean(false, span, lineSpan));
            case 'n':
                return ParseLiteral("null", (span, lineSpan) => new JsonNull(span, lineSpan));
            case '/':
                return Fail("comments are not allowed in JSON");
            case '\'':
                return Fail("strings must be enclosed in double quotes");
            default:
                return Fail($"expected a JSON value but found {Describe(Current)}");
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        if (depth >= MaxDepth)
        {
            return Fail($"the JSON nests deeper than {MaxDepth} levels");
        }

        var start = Mark();
        _position++;
        var properties = new List<JsonProperty>();
        Dictionary<string, JsonProperty>? byName = null;
        SkipWhitespace();
        if (Current == '}')
        {
            _position++;
            return new JsonObject(properties, null, SpanFrom(start), LineSpanFrom(start));
        }

        while (true)
        {
            SkipWhitespace();
            if (Current != '"')
            {
                return Fail(Current == '}'
                    ? "a comma must not follow the last property of an object"
                    : $"expected a property name in double quotes but found {Describe(Current)}");
            }

            var nameStart = Mark();
            var name = ReadString(isName: true);
            if (name is null)
            {
                return null;
            }

            if (JsonObject.Find(properties, byName, name) is not null)
            {
                return Fail($"the property name \"{name}\" appears twice in one object", nameStart);
            }

            var nameSpan = SpanFrom(nameStart);
            var nameLineSpan = LineSpanFrom(nameStart);
            SkipWhitespace();
            if (Current != ':')
            {
                return Fail($"expected ':' after a property name but found {Describe(Current)}");
            }

            _position++;
            SkipWhitespace();
            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            var property = new JsonProperty(name, nameSpan, nameLineSpan, value);
            properties.Add(property);
            byName = JsonObject.Index(properties, byName, property);
            SkipWhitespace();
            switch (Current)
            {
                case ',':
                    _position++;
                    continue;
                case '}':
                    _position++;
                    return new JsonObject(properties, byName, SpanFrom(start), LineSpanFrom(start));
                default:
                    return Fail($"expected ',' or '}}' after a property value but found {Describe(Current)}");
            }
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        if (depth >= MaxDepth)
        {
            return Fail($"the JSON nests deeper than {MaxDepth} levels");
        }

        var start = Mark();
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Current == ']')
        {
            _position++;
            return new JsonArray(items, SpanFrom(start), LineSpanFrom(start));
        }

        while (true)
        {
            SkipWhitespace();
            if (Current == ']')
            {
                return Fail("a comma must not follow the last item of an array");
            }

            var item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipWhitespace();
            switch (Current)
            {
                case ',':
                    _position++;
                    continue;
                case ']':
                    _position++;
                    return new JsonArray(items, SpanFrom(start), LineSpanFrom(start));
                default:
                    return Fail($"expected ',' or ']' after an array item but found {Describe(Current)}");
            }
        }
    }

    /// <summary>Reads a string starting at its opening quote; <see langword="null"/> after recording an error.</summary>
    /// <remarks>
    /// A string without escapes, which is nearly every string of a snapshot, is one substring of the text; a property
    /// name is the one string of its name table.
    /// </remarks>
    private string? ReadString(bool isName)
    {
        var start = ++_position;
        for (var i = start; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '"')
            {
                _position = i + 1;
                return isName ? _names.Get(_text, start, i - start) : _text.Substring(start, i - start);
            }

            if (c is '\\' or < (char)0x20)
            {
                _position = i;
                return ReadEscapedString(new StringBuilder(i - start + 16).Append(_text, start, i - start));
            }
        }

        _position = _text.Length;
        return FailString("the text ends inside a string");
    }

    /// <summary>Reads the rest of a string from its first escape or control character, after <paramref name="builder"/>'s text.</summary>
    private string? ReadEscapedString(StringBuilder builder)
    {
        while (true)
        {
            var c = Current;
            switch (c)
            {
                case EndOfText:
                    return FailString("the text ends inside a string");
                case '"':
                    _position++;
                    return builder.ToString();
                case '\\':
                    if (!ReadEscape(builder))
                    {
                        return null;
                    }

                    continue;
                case < 0x20:
                    return FailString(c is '\n' or '\r'
                        ? "a line break inside a string must be written as \\n"
                        : $"the control character {Describe(c)} inside a string must be escaped");
                default:
                    builder.Append((char)c);
                    _position++;
                    continue;
            }
        }
    }

    private bool ReadEscape(StringBuilder builder)
    {
        var escapeStart = Mark();
        _position++;
        var c = Current;
        char? simple = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (simple is { } unescaped)
        {
            builder.Append(unescaped);
            _position++;
            return true;
        }

        if (c != 'u')
        {
            Fail(c == EndOfText ? "the text ends inside a string" : $"'\\{(char)c}' is not a JSON escape sequence", escapeStart);
            return false;
        }

        _position++;
        if (_position + 4 > _text.Length
            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            Fail("'\\u' must be followed by four hexadecimal digits", escapeStart);
            return false;
        }

        // Unpaired surrogates are kept: RFC 8259 allows them in the grammar, and the emitter escapes them.
        builder.Append((char)code);
        _position += 4;
        return true;
    }

    private JsonNode? ParseNumber()
    {
        var start = Mark();
        if (Current == '-')
        {
            _position++;
        }

        if (Current == '0')
        {
            _position++;
            if (Current is >= '0' and <= '9')
            {
                return Fail("a number must not have leading zeros");
            }
        }
        else if (!SkipDigits())
        {
            return Fail($"expected a digit but found {Describe(Current)}");
        }

        if (Current == '.')
        {
            _position++;
            if (!SkipDigits())
            {
                return Fail($"expected a digit after the decimal point but found {Describe(Current)}");
            }
        }

        if (Current is 'e' or 'E')
        {
            _position++;
            if (Current is '+' or '-')
            {
                _position++;
            }

            if (!SkipDigits())
            {
                return Fail($"expected a digit in the exponent but found {Describe(Current)}");
            }
        }

        return new JsonNumber(_text.Substring(start.Offset, _position - start.Offset), SpanFrom(start), LineSpanFrom(start));
    }

    private bool SkipDigits()
    {
        var start = _position;
        while (Current is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode? ParseLiteral(string literal, Func<TextSpan, LinePositionSpan, JsonNode> create)
    {
        var start = Mark();
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            return Fail($"expected a JSON value but found {Describe(Current)}; the literals are true, false and null");
        }

        _position += literal.Length;
        return create(SpanFrom(start), LineSpanFrom(start));
    }

    /// <summary>Skips the four whitespace characters JSON allows, counting lines (only whitespace can break one).</summary>
    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            switch (_text[_position])
            {
                case ' ':
                case '\t':
                    _position++;
                    break;
                case '\n':
                    _position++;
                    StartLine();
                    break;
                case '\r':
                    _position++;
                    if (Current == '\n')
                    {
                        _position++;
                    }

                    StartLine();
                    break;
                default:
                    return;
            }
        }
    }

    private void StartLine()
    {
        _line++;
        _lineStart = _position;
    }

    private Position Mark() => new(_position, new LinePosition(_line, _position - _lineStart));

    private TextSpan SpanFrom(Position start) => TextSpan.FromBounds(start.Offset, _position);

    private LinePositionSpan LineSpanFrom(Position start) => new(start.LinePosition, new LinePosition(_line, _position - _lineStart));

    /// <summary>Records an error at the current character and returns <see langword="null"/> for the caller to pass on.</summary>
    private JsonNode? Fail(string message)
    {
        var here = Mark();
        var length = Current == EndOfText ? 0 : 1;
        _error = new JsonSyntaxError(
            message,
            new TextSpan(here.Offset, length),
            new LinePositionSpan(here.LinePosition, new LinePosition(here.LinePosition.Line, here.LinePosition.Character + length)));
        return null;
    }

    /// <summary>Records an error spanning from <paramref name="start"/> to the current character.</summary>
    private JsonNode? Fail(string message, Position start)
    {
        _error = new JsonSyntaxError(message, SpanFrom(start), LineSpanFrom(start));
        return null;
    }

    private string? FailString(string message)
    {
        Fail(message);
        return null;
    }

    private static string Describe(int c) => c switch
    {
        EndOfText => "the end of the text",
        > 0x20 and < 0x7F => $"'{(char)c}'",
        _ => $"U+{c:X4}",
    };

    private readonly struct Position
    {
        public Position(int offset, LinePosition linePosition)
        {
            Offset = offset;
            LinePosition = linePosition;
        }

        public int Offset { get; }

        public LinePosition LinePosition { get; }
    }
}
