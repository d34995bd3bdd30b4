using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>The text of content blocks, for results and error messages.</summary>
internal static class ToolResultText
{
    public static string Join(IEnumerable<ContentBlock> content) =>

        // Most results are one text block: its text, without a copy.
        content is IList<ContentBlock> { Count: 1 } blocks && blocks[0] is TextContentBlock only
            ? only.Text
            : string.Join("\n", content.OfType<TextContentBlock>().Select(block => block.Text));
}
