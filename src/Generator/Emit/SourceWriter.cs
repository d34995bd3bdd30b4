using System.Text;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes indented C# with <c>\n</c> line endings, whatever the machine, so that generated files are identical
/// everywhere. Blank lines get no indentation, so generated files have no trailing whitespace.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>Writes text at the current indentation; a multi-line text (e.g. a raw string) is indented line by line.</summary>
    public void WriteLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var content = line.TrimEnd('\r');
            if (content.Length > 0)
            {
                _builder.Append(' ', _indentation * IndentSize).Append(content);
            }

            _builder.Append('\n');
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
}
