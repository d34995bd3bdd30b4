using System.Text.Json;
using McpFleet.AI;
using McpFleet.Configuration;
using McpFleet.IntegrationTests.Generated;
using McpFleet.Testing;
using Microsoft.Extensions.AI;

namespace McpFleet.IntegrationTests.AI;

/// <summary>The generated fleet's tools as AIFunctions: names, definitions, selection, and calls over real servers.</summary>
public sealed class AIToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-ai-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Every server of the test fleet, configured but never started: without live hints nothing connects.</summary>
    private static TestFleet Configured() => Fleets.Create([.. TestFleet.Manifest.Servers.Select(server => ServerDefinition.Stdio(server.Name, "never-started"))]);

    private static FleetAIToolOptions Offline(Action<FleetAIToolOptions>? configure = null)
    {
        var options = new FleetAIToolOptions { UseLiveHints = false };
        configure?.Invoke(options);
        return options;
    }

    private static FleetAIFunction Function(IEnumerable<AITool> tools, string name) => tools.Single(tool => tool.Name == name).GetService<FleetAIFunction>()!;

    [Fact]
    public async Task Model_facing_names_lead_back_to_the_server_and_tool_for_server_and_unified_tools()
    {
        await using var fleet = Configured();

        var functions = (await fleet.GetAIToolsAsync(Offline(o => o.IncludeGroupMembers = true))).Select(tool => tool.GetService<FleetAIFunction>()!).ToList();

        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(functions, f => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", f.Name));
        var perServer = functions.Where(f => f.Tool is not null).ToList();
        Assert.Equal(TestFleet.Manifest.ModelToolNames.Select(n => n.Name).Order(StringComparer.Ordinal), perServer.Select(f => f.Name));
        Assert.All(perServer, f => Assert.Same(TestFleet.Manifest.FindByModelName(f.Name), f.Tool));
        var unified = functions.Where(f => f.Group is not null).ToList();
        Assert.Equal(TestFleet.Manifest.ToolGroups.Select(g => g.ToolName).Order(StringComparer.Ordinal), unified.Select(f => f.Name));
        Assert.All(unified, f => Assert.Same(TestFleet.Manifest.ToolGroups.Single(g => g.ToolName == f.Name), f.Group));
        Assert.Equal(("everything", "get-sum"), (Function(functions, "everything__get-sum").Tool!.ServerName, Function(functions, "everything__get-sum").Tool!.ToolName));
    }

    [Fact]
    public async Task A_function_shows_the_model_the_snapshots_description_and_input_schema_unchanged()
    {
        await using var fleet = Configured();
        using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "everything.snapshot.json")));
        var recorded = snapshot.RootElement.GetProperty("tools").EnumerateArray().Single(tool => tool.GetProperty("name").GetString() == "get-sum");

        var function = Function(await fleet.GetAIToolsAsync(Offline()), "everything__get-sum");

        Assert.Equal(recorded.GetProperty("description").GetString(), function.Description);
        Assert.True(JsonElement.DeepEquals(recorded.GetProperty("inputSchema"), function.JsonSchema));
        Assert.Equal(["everything"], function.ServerNames);
    }

    [Fact]
    public async Task A_unified_tool_is_offered_once_in_place_of_the_servers_copies_unless_they_are_asked_for()
    {
        await using var fleet = Configured();

        var names = (await fleet.GetAIToolsAsync(Offline())).Select(tool => tool.Name).ToList();
        var alphaOnly = (await fleet.GetAIToolsAsync(Offline(o => o.Servers.Add("alpha")))).Select(tool => tool.Name).ToList();
        var named = (await fleet.GetAIToolsAsync(Offline(o => o.Names.UnionWith(["alpha__math_calc", "math_calc"])))).Select(tool => tool.Name).ToList();

        Assert.Contains("math_calc", names);
        Assert.DoesNotContain("alpha__math_calc", names);
        Assert.DoesNotContain("sample__math_calc", names);
        Assert.Contains("sample__run_command", names);
        Assert.Equal(["alpha__echo", "alpha__math_calc"], alphaOnly);
        Assert.Equal(["alpha__math_calc", "math_calc"], named);
    }

    [Fact]
    public async Task Tools_are_picked_by_their_generated_descriptors_and_a_foreign_descriptor_is_an_error()
    {
        await using var fleet = Configured();

        var picked = (await fleet.GetAIToolsAsync(Offline(o =>
        {
            o.Tools.Add(Generated.Everything.EverythingServer.Tools.GetSum);
            o.UnifiedTools.Add(TestFleet.Groups.MathCalc);
        }))).Select(tool => tool.Name).ToList();
        var foreign = await Assert.ThrowsAsync<ArgumentException>(() => fleet.GetAIToolsAsync(Offline(o => o.Tools.Add(new ToolDescriptor("everything", "nothing", ToolHints.None)))));

        Assert.Equal(["everything__get-sum", "math_calc"], picked);
        Assert.StartsWith("The fleet offers a model no tool 'everything/nothing':", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tools_are_selected_by_tag_and_read_only_hint_and_unknown_names_are_errors()
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        options.Servers.Add(ServerDefinition.Stdio("sample", "never-started") with { Tags = ["local"] });
        options.Servers.Add(ServerDefinition.Stdio("memory", "never-started"));
        await using var fleet = TestFleet.Create(options);

        var local = (await fleet.GetAIToolsAsync(Offline(o => o.Tags.Add("local")))).Select(tool => tool.Name).ToList();
        var readOnly = (await fleet.GetAIToolsAsync(Offline(o => o.ReadOnly = true))).Select(tool => tool.GetService<FleetAIFunction>()!).ToList();
        var unknownTool = await Assert.ThrowsAsync<ArgumentException>(() => fleet.GetAIToolsAsync(Offline(o => o.Names.Add("sample__nothing"))));
        var unknownServer = await Assert.ThrowsAsync<ArgumentException>(() => fleet.GetAIToolsAsync(Offline(o => o.Servers.Add("nowhere"))));

        Assert.Equal(["math_calc", "sample__echo", "sample__get_time", "sample__list_files", "sample__run_command"], local);
        Assert.NotEmpty(readOnly);
        Assert.All(readOnly, f => Assert.True(f.Hints.IsReadOnly, f.Name));
        Assert.Contains("memory__read_graph", readOnly.Select(f => f.Name));
        Assert.DoesNotContain("memory__delete_entities", readOnly.Select(f => f.Name));
        Assert.StartsWith("The fleet has no tool named 'sample__nothing';", unknownTool.Message, StringComparison.Ordinal);
        Assert.StartsWith("The fleet has no server named 'nowhere';", unknownServer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_over_a_real_server_returns_the_tools_result()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()), Fleets.SampleStdio("alpha", "--tools", "math_calc", "echo"));
        var tools = await fleet.GetAIToolsAsync();

        var sum = await Function(tools, "everything__get-sum").InvokeAsync(new AIFunctionArguments { ["a"] = 2, ["b"] = 3 });
        var weather = await Function(tools, "everything__get-structured-content").InvokeAsync(new AIFunctionArguments { ["location"] = "New York" });
        var product = await Function(tools, "math_calc").InvokeAsync(new AIFunctionArguments { ["expression"] = "6 * 7" });

        Assert.Equal("The sum of 2 and 3 is 5.", Assert.IsType<TextContent>(sum).Text);
        Assert.Equal(33, ((JsonElement)weather!).GetProperty("structuredContent").GetProperty("temperature").GetDouble());
        Assert.Equal(42, ((JsonElement)product!).GetProperty("structuredContent").GetProperty("result").GetDouble());
    }

    [Fact]
    public async Task A_tool_error_reaches_the_model_as_data_naming_the_server()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("filesystem", ReferenceServers.Filesystem(_directory)));
        var model = new AgentLoop.ScriptedChatClient(
            _ => new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "filesystem__read_text_file", new Dictionary<string, object?> { ["path"] = "/etc/hostname" })]),
            _ => new ChatMessage(ChatRole.Assistant, "I could not read it."));
        using var client = new FunctionInvokingChatClient(model);

        var response = await client.GetResponseAsync("Read /etc/hostname", new ChatOptions { Tools = await fleet.GetAIToolsAsync() });

        var result = Assert.IsType<JsonElement>(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result);
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Equal("filesystem", result.GetProperty("server").GetString());
        Assert.Equal("read_text_file", result.GetProperty("tool").GetString());
        Assert.Contains("outside allowed directories", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("I could not read it.", response.Text);
    }
}
