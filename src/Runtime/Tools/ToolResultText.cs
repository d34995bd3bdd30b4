using ModelContextProtocol.Protocol;

namespace McpFleet.Tools;

/// <summary>The text of content blocks, for results and error messages.</summary>
internal static class ToolResultText
{
    public static string Join(IEnumerable<ContentBlock> content) =>
        string.Join("\n", content.OfType<TextContentBlock>().Select(block => block.Text));
}
