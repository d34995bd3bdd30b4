using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>
/// The result of a tool called without generated types, e.g. by a broadcast: its text, and its structured content when
/// the tool returned some. Any successful result can be read this way.
/// </summary>
public sealed record RawToolResult : ToolResult, IToolResult<RawToolResult>
{
    /// <summary>The text of the result's text blocks, joined by newlines.</summary>
    public required string Text { get; init; }

    /// <summary>The structured content, when the tool returned an object of it; otherwise <see langword="null"/>.</summary>
    public JsonElement? StructuredContent { get; init; }

    /// <summary>The result's content blocks: text, images, audio, resource links and embedded resources.</summary>
    public IList<ContentBlock> Content => RawResult.Content;

    /// <inheritdoc />
    public static RawToolResult FromCallToolResult(CallToolResult result, ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RawToolResult
        {
            RawResult = result,
            Text = ToolResultText.Join(result.Content),
            StructuredContent = result.StructuredContent is { ValueKind: JsonValueKind.Object } structured ? structured.Clone() : null,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
