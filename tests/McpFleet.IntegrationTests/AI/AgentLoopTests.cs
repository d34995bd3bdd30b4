using System.Text.Json;
using AgentLoop;
using McpFleet.ClientFeatures;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace McpFleet.IntegrationTests.AI;

/// <summary>The agent-loop sample end to end: three servers, an approval, and an elicitation answered by the application.</summary>
public sealed class AgentLoopTests : IDisposable
{
    private readonly DirectoryInfo _notes = Directory.CreateTempSubdirectory("mcpfleet-agent-");

    public AgentLoopTests()
    {
        foreach (var name in new[] { "draft.txt", "groceries.txt", "ideas.md" })
        {
            File.WriteAllText(Path.Join(_notes.FullName, name), name);
        }
    }

    public void Dispose() => _notes.Delete(recursive: true);

    private static ElicitationHandler Answer(List<ElicitationRequest> asked, string answer) => (request, _) =>
    {
        asked.Add(request);
        return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["answer"] = JsonSerializer.SerializeToElement(answer) } });
    };

    [Fact]
    public async Task The_model_uses_three_servers_asks_the_user_and_deletes_the_note_once_approved()
    {
        var asked = new List<ElicitationRequest>();
        var approvals = new List<string>();
        await using var fleet = Fleet.Create(TidyUpAgent.Options(_notes.FullName, Answer(asked, "draft.txt")));
        var model = TidyUpAgent.Model();

        var conversation = await TidyUpAgent.RunAsync(fleet, model, request =>
        {
            approvals.Add(((FunctionCallContent)request.ToolCall).Name);
            return true;
        });

        Assert.Equal("Your folder had 3 notes, 6 × 7 = 42, and I deleted the note you chose.", conversation[^1].Text);
        Assert.True(model.IsFinished);
        Assert.Equal(["ops__run_command"], approvals);
        var question = Assert.Single(asked);
        Assert.Equal(("ops", "Which note should I delete?"), (question.ServerName, question.Parameters.Message));
        Assert.Equal(["groceries.txt", "ideas.md"], _notes.EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["calc__math_calc", "notes__list_files", "ops__ask_user", "ops__run_command"],
            conversation.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_approval_leaves_the_note_where_it_is()
    {
        await using var fleet = Fleet.Create(TidyUpAgent.Options(_notes.FullName, Answer([], "draft.txt")));

        var conversation = await TidyUpAgent.RunAsync(fleet, TidyUpAgent.Model(), _ => false);

        Assert.Equal("Your folder had 3 notes, 6 × 7 = 42, and I did not delete anything.", conversation[^1].Text);
        Assert.True(File.Exists(Path.Join(_notes.FullName, "draft.txt")));
    }
}
