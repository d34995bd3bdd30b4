namespace McpFleet.AI;

/// <summary>How a model finds the fleet's tools when handing it every schema at once would cost too much context.</summary>
public enum ToolSearchMode
{
    /// <summary>Every selected tool is offered with its schema (the default).</summary>
    None,

    /// <summary>
    /// The selected tools are offered for deferred loading with Microsoft.Extensions.AI's <c>HostedToolSearchTool</c>: the
    /// AI service searches them and loads the schemas it needs. Only services that implement tool search honour it
    /// (others see every tool); the marker is experimental in Microsoft.Extensions.AI (MEAI001).
    /// </summary>
    Hosted,

    /// <summary>
    /// Only a <c>find_tools</c> function is offered at first. The model calls it with keywords; the best matches are
    /// added to the same tool list, so they can be called from the model's next turn on. Works with every chat client.
    /// </summary>
    Local,
}
