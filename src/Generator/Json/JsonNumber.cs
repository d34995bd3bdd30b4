using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Json;

/// <summary>A JSON number, kept as written: it is only compared and documented, never computed with.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(string text, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan) =>
        Text = text;

    /// <summary>The number exactly as written, e.g. <c>-1.5e3</c>.</summary>
    public string Text { get; }

    /// <summary>Whether the number is a whole number; JSON Schema counts <c>1.0</c> as an integer too.</summary>
    public bool IsInteger =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && !double.IsInfinity(value)
        && Math.Floor(value) == value;

    /// <summary>Whether the number equals <paramref name="expected"/>, however it is written (<c>1</c>, <c>1.0</c>, <c>1e0</c>).</summary>
    public bool HasValue(int expected) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == expected;
}
