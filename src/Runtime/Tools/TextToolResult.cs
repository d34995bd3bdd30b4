using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>The result of a tool that declares no output schema: its content blocks and their text.</summary>
public sealed record TextToolResult : ToolResult, IToolResult<TextToolResult>
{
    /// <summary>The text of the result's text blocks, joined by newlines.</summary>
    public required string Text { get; init; }

    /// <summary>The result's content blocks: text, images, audio, resource links and embedded resources.</summary>
    public IList<ContentBlock> Content => RawResult.Content;

    /// <inheritdoc />
    public static TextToolResult FromCallToolResult(CallToolResult result, ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TextToolResult { RawResult = result, Text = ToolResultText.Join(result.Content) };
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
