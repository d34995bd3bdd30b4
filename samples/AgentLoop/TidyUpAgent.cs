using System.Text.Json;
using McpFleet;
using McpFleet.AI;
using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using Microsoft.Extensions.AI;

namespace AgentLoop;

/// <summary>
/// The sample's agent: a model, given the tools of three servers, counts the notes in a folder, multiplies two numbers,
/// asks the user which note to delete (an elicitation the application answers) and deletes it (a destructive tool,
/// run only after the application approves).
/// </summary>
public static class TidyUpAgent
{
    public const string Request = "How many notes are in my notes folder, and what is 6 × 7? Then delete the note I no longer need.";

    /// <summary>The fleet's servers, all the sample server on stdio: <c>notes</c> lists the folder, <c>calc</c> calculates,
    /// <c>ops</c> asks the user and runs commands in the folder.</summary>
    public static IReadOnlyList<ServerDefinition> Servers(string notesDirectory) =>
    [
        Sample("calc", "--tools", "math_calc"),
        Sample("notes", "--tools", "list_files", "--root", notesDirectory),
        Sample("ops", "--tools", "ask_user", "run_command", "--allow-run-command", "--root", notesDirectory),
    ];

    /// <summary>The fleet's options: the servers, and the application's answer to servers' questions.</summary>
    public static FleetOptions Options(string notesDirectory, ElicitationHandler answerQuestions)
    {
        var options = new FleetOptions();
        foreach (var server in Servers(notesDirectory))
        {
            options.Servers.Add(server);
        }

        options.ClientFeatures.Elicitation.Handler = answerQuestions;
        return options;
    }

    /// <summary>The model's script: the tool calls a model would make for <see cref="Request"/>, by model-facing name.</summary>
    public static ScriptedChatClient Model()
    {
        ScriptedChatClient model = null!;
        model = new ScriptedChatClient(
            _ => model.Call(("notes__list_files", []), ("calc__math_calc", new() { ["expression"] = "6 * 7" })),
            _ => model.Call(("ops__ask_user", new() { ["question"] = "Which note should I delete?" })),
            history =>
            {
                var answer = Structured(ScriptedChatClient.ResultOf(history, "ops__ask_user"));
                return answer.GetProperty("action").GetString() == "accept"
                    ? model.Call(("ops__run_command", new() { ["command"] = "rm", ["arguments"] = new[] { answer.GetProperty("content").GetProperty("answer").GetString() } }))
                    : new ChatMessage(ChatRole.Assistant, "You did not choose a note, so I deleted nothing.");
            },
            history =>
            {
                var notes = Structured(ScriptedChatClient.ResultOf(history, "notes__list_files")).GetProperty("entries").GetArrayLength();
                var product = Structured(ScriptedChatClient.ResultOf(history, "calc__math_calc")).GetProperty("result").GetDouble();
                var deletion = ScriptedChatClient.ResultOf(history, "ops__run_command") is JsonElement result && Structured(result).GetProperty("exitCode").GetInt32() == 0
                    ? "deleted the note you chose"
                    : "did not delete anything";
                return new ChatMessage(ChatRole.Assistant, $"Your folder had {notes} notes, 6 × 7 = {product}, and I {deletion}.");
            });
        return model;
    }

    /// <summary>
    /// Runs the conversation: the model's tool calls go through a <see cref="FunctionInvokingChatClient"/> to the fleet;
    /// a call of a destructive tool comes back as an approval request, which <paramref name="approve"/> decides.
    /// </summary>
    /// <returns>Every message of the conversation, the user's request first and the model's answer last.</returns>
    public static async Task<IReadOnlyList<ChatMessage>> RunAsync(Fleet fleet, IChatClient model, Func<ToolApprovalRequestContent, bool> approve, CancellationToken cancellationToken = default)
    {
        var tools = await fleet.GetAIToolsAsync(cancellationToken: cancellationToken);
        using var client = new FunctionInvokingChatClient(model);
        var options = new ChatOptions { Tools = tools };
        List<ChatMessage> messages = [new(ChatRole.User, Request)];
        while (true)
        {
            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            messages.AddRange(response.Messages);
            var approvals = response.Messages.SelectMany(message => message.Contents).OfType<ToolApprovalRequestContent>().ToList();
            if (approvals.Count == 0)
            {
                return messages;
            }

            messages.Add(new ChatMessage(ChatRole.User, [.. approvals.Select(request => (AIContent)request.CreateResponse(approve(request)))]));
        }
    }

    /// <summary>The structured content of a tool's result as a model is given it (the call result as JSON).</summary>
    private static JsonElement Structured(object? result) =>
        result is JsonElement json && json.TryGetProperty("structuredContent", out var structured)
            ? structured
            : throw new InvalidOperationException($"Expected a structured tool result, got {result}.");

    private static ServerDefinition Sample(string name, params string[] args)
    {
        var (command, arguments) = SampleServerProcess.StdioCommand(name, args);
        return ServerDefinition.Stdio(name, command, arguments);
    }
}
