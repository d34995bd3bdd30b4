using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Sampling is deprecated from revision 2026-07-28 on; clients of older revisions still offer it.

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>ask_model</c> tool: asks the client's model for a completion (<c>sampling/createMessage</c>).</summary>
internal static class AskModelTool
{
    public static McpServerTool Create() => McpServerTool.Create(AskAsync, new McpServerToolCreateOptions
    {
        Name = ToolNames.AskModel,
        Title = "Ask the model",
        Description = "Asks the client's language model to answer a prompt and returns its answer, the model's name and why it stopped.",
        ReadOnly = true,
        Idempotent = false,
        Destructive = false,
        OpenWorld = true,
        UseStructuredContent = true,
    });

    private static async Task<Completion> AskAsync(
        McpServer server,
        [Description("The prompt.")] string prompt,
        [Description("The most tokens the answer may take.")] int maxTokens = 100,
        CancellationToken cancellationToken = default)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                SystemPrompt = "You answer for the McpFleet sample server.",
                MaxTokens = maxTokens,
            },
            cancellationToken);
        return new Completion(string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text)), result.Model, result.StopReason);
    }

    /// <param name="Text">The answer's text.</param>
    /// <param name="Model">The model that answered.</param>
    /// <param name="StopReason">Why it stopped.</param>
    internal sealed record Completion(string Text, string Model, string? StopReason);
}
