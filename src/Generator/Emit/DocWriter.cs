namespace McpFleet.Generator.Emit;

/// <summary>Writes XML documentation elements as <c>///</c> lines.</summary>
internal static class DocWriter
{
    /// <summary>Writes an element; content spanning lines (see <see cref="DocText.Text"/>) gets one line per line.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="element">The element, with attributes if any, e.g. <c>param name="city"</c>.</param>
    /// <param name="content">XML content, already escaped.</param>
    public static void Element(SourceWriter writer, string element, string content)
    {
        var space = element.IndexOf(' ');
        var name = space < 0 ? element : element.Substring(0, space);
        if (content.IndexOf('\n') < 0)
        {
            writer.WriteLine($"/// <{element}>{content}</{name}>");
            return;
        }

        writer.WriteLine($"/// <{element}>");
        foreach (var line in content.Split('\n'))
        {
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.WriteLine($"/// </{name}>");
    }

    public static void Summary(SourceWriter writer, string content) => Element(writer, "summary", content);

    public static void Remarks(SourceWriter writer, string content) => Element(writer, "remarks", content);

    public static void Param(SourceWriter writer, string name, string content) => Element(writer, $"param name=\"{name}\"", content);

    public static void TypeParam(SourceWriter writer, string name, string content) => Element(writer, $"typeparam name=\"{name}\"", content);

    public static void Returns(SourceWriter writer, string content) => Element(writer, "returns", content);

    public static void Exception(SourceWriter writer, string type, string content) =>
        writer.WriteLine($"/// <exception cref=\"{type}\">{content}</exception>");
}
