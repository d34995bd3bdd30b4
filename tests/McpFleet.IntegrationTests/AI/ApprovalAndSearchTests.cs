using AgentLoop;
using McpFleet.AI;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using Microsoft.Extensions.AI;

namespace McpFleet.IntegrationTests.AI;

/// <summary>Destructive tools wait for the application's approval; large fleets are searched instead of handed over whole.</summary>
public sealed class ApprovalAndSearchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-ai-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_destructive_tool_runs_only_after_the_application_approves_it()
    {
        var journal = Path.Join(_directory, "journal.jsonl");
        var made = Path.Join(_directory, "made-by-the-tool");
        await using var fleet = Fleets.Create(Fleets.SampleStdio("sample", "--tools", "run_command", "--allow-run-command", "--root", _directory, "--journal", journal));
        var tools = await fleet.GetAIToolsAsync();
        ScriptedChatClient model = null!;
        model = new ScriptedChatClient(
            _ => model.Call(("sample__run_command", new() { ["command"] = "touch", ["arguments"] = new List<string> { "made-by-the-tool" } })),
            _ => new ChatMessage(ChatRole.Assistant, "Done."));
        using var client = new FunctionInvokingChatClient(model);
        var options = new ChatOptions { Tools = tools };
        List<ChatMessage> messages = [new(ChatRole.User, "Make a file.")];

        var asked = await client.GetResponseAsync(messages, options);
        var request = Assert.Single(asked.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        var ranBeforeApproval = File.Exists(made) || ToolCallJournalFile.Executions(journal).Count > 0;
        messages.AddRange(asked.Messages);
        messages.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        var answered = await client.GetResponseAsync(messages, options);

        Assert.IsType<ApprovalRequiredAIFunction>(tools.Single(tool => tool.Name == "sample__run_command"));
        Assert.Equal("sample__run_command", Assert.IsType<FunctionCallContent>(request.ToolCall).Name);
        Assert.False(ranBeforeApproval);
        Assert.True(File.Exists(made));
        Assert.Single(ToolCallJournalFile.Executions(journal));
        Assert.Equal("Done.", answered.Text);
    }

    [Fact]
    public async Task A_tool_the_live_server_declares_destructive_needs_approval_unless_the_application_opts_out()
    {
        // The snapshot says echo is read-only; this server now says it is destructive.
        await using var fleet = Fleets.Create(Fleets.SampleStdio("sample", "--variant", "echo-destructive"));

        var strict = await fleet.GetAIToolsAsync(new FleetAIToolOptions { Names = { "sample__echo", "sample__math_calc" } });
        var trusting = await fleet.GetAIToolsAsync(new FleetAIToolOptions { Names = { "sample__echo" }, ApprovalNotRequired = { "sample__echo" } });
        var snapshotOnly = await fleet.GetAIToolsAsync(new FleetAIToolOptions { Names = { "sample__echo" }, UseLiveHints = false });

        Assert.IsType<ApprovalRequiredAIFunction>(strict.Single(tool => tool.Name == "sample__echo"));
        Assert.True(strict.Single(tool => tool.Name == "sample__echo").GetService<FleetAIFunction>()!.Hints.IsDestructive);
        Assert.IsType<FleetAIFunction>(strict.Single(tool => tool.Name == "sample__math_calc"));
        Assert.IsType<FleetAIFunction>(Assert.Single(trusting));
        Assert.IsType<FleetAIFunction>(Assert.Single(snapshotOnly));
    }

    [Fact]
    public async Task With_local_search_the_model_finds_a_tool_and_calls_it_in_the_same_request()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()));
        var tools = await fleet.GetAIToolsAsync(new FleetAIToolOptions { Search = ToolSearchMode.Local, UseLiveHints = false });
        ScriptedChatClient model = null!;
        model = new ScriptedChatClient(
            _ => model.Call(("find_tools", new() { ["query"] = "add two numbers, sum" })),
            _ => model.Call(("everything__get-sum", new() { ["a"] = 1, ["b"] = 2 })),
            _ => new ChatMessage(ChatRole.Assistant, "3"));
        using var client = new FunctionInvokingChatClient(model);

        var response = await client.GetResponseAsync("What is 1 + 2?", new ChatOptions { Tools = tools });

        Assert.Equal(["find_tools"], model.OfferedTools[0]);
        Assert.Contains("everything__get-sum", model.OfferedTools[1]);
        Assert.True(model.OfferedTools[1].Count <= 6);
        var sum = response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Last();
        Assert.Equal("The sum of 1 and 2 is 3.", Assert.IsType<TextContent>(sum.Result).Text);
    }

    [Fact]
    public async Task With_hosted_search_every_tool_is_deferred_behind_the_services_tool_search()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()));

        var tools = await fleet.GetAIToolsAsync(new FleetAIToolOptions { Search = ToolSearchMode.Hosted, UseLiveHints = false });

#pragma warning disable MEAI001 // Experimental in Microsoft.Extensions.AI.
        var search = Assert.IsType<HostedToolSearchTool>(tools[^1]);
#pragma warning restore MEAI001
        Assert.Equal(tools.SkipLast(1).Select(tool => tool.Name), search.DeferredTools!);
        Assert.Contains("everything__get-sum", search.DeferredTools!);
    }
}
