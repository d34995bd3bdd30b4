using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes indented C# with <c>\n</c> line endings, whatever the machine, so that generated files are identical
/// everywhere. Blank lines get no indentation, so generated files have no trailing whitespace.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    /// <summary>Generated files are UTF-8 without a byte order mark.</summary>
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>Writes text at the current indentation; a multi-line text (e.g. a raw string) is indented line by line.</summary>
    public void WriteLine(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            WriteLine(text, start, end < 0 ? text.Length : end);
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Unindents and writes <c>}</c> with an optional suffix, e.g. <c>;</c>.</summary>
    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public void Indent() => _indentation++;

    public void Unindent() => _indentation--;

    public override string ToString() => _builder.ToString();

    /// <summary>
    /// The text as a source file, read from the writer in chunks: a server's file of a large fleet is megabytes, which
    /// as one string would be copied once more and land on the large object heap.
    /// </summary>
    public SourceText ToSourceText() => SourceText.From(new Reader(_builder), _builder.Length, s_utf8);

    /// <summary>Writes one line of <paramref name="text"/>, from <paramref name="start"/> to <paramref name="end"/>, without a carriage return.</summary>
    private void WriteLine(string text, int start, int end)
    {
        while (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        if (end > start)
        {
            _builder.Append(' ', _indentation * IndentSize).Append(text, start, end - start);
        }

        _builder.Append('\n');
    }

    /// <summary>Reads a <see cref="StringBuilder"/> without turning it into a string.</summary>
    private sealed class Reader(StringBuilder builder) : TextReader
    {
        private int _position;

        public override int Peek() => _position < builder.Length ? builder[_position] : -1;

        public override int Read() => _position < builder.Length ? builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            count = Math.Min(count, builder.Length - _position);
            builder.CopyTo(_position, buffer, index, count);
            _position += count;
            return count;
        }
    }
}
