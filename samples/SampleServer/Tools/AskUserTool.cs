using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// The <c>ask_user</c> tool: asks the client's user a question (<c>elicitation/create</c>) with a small form, an
/// <c>answer</c> and a <c>remember</c> flag that defaults to <see langword="false"/>, and returns what came back.
/// </summary>
internal static class AskUserTool
{
    public static McpServerTool Create() => McpServerTool.Create(AskAsync, new McpServerToolCreateOptions
    {
        Name = ToolNames.AskUser,
        Title = "Ask the user",
        Description = "Asks the user a question through the client and returns the answer: the action taken (accept, decline, " +
            "cancel) and, when accepted, the form's content.",
        ReadOnly = true,
        Idempotent = false,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    private static async Task<Answer> AskAsync(
        McpServer server,
        [Description("The question to put to the user.")] string question,
        CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = question,
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                    {
                        ["answer"] = new ElicitRequestParams.StringSchema { Title = "Answer", Description = question },
                        ["remember"] = new ElicitRequestParams.BooleanSchema { Title = "Remember", Description = "Remember this answer.", Default = false },
                    },
                    Required = ["answer"],
                },
            },
            cancellationToken);
        return new Answer(result.Action, result.Content);
    }

    /// <param name="Action">accept, decline or cancel.</param>
    /// <param name="Content">The form's content when accepted.</param>
    internal sealed record Answer(string Action, IDictionary<string, JsonElement>? Content);
}
