using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public class ToolListTests
{
    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task By_default_every_tool_but_run_command_is_listed(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "alpha");

        IList<McpClientTool> tools = await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);

        Assert.Equal(["echo", "get_time", "list_files", "math_calc"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Only_the_tools_named_in_tools_are_listed(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "alpha", ["--tools", "math_calc", "echo", "run_command"]);

        IList<McpClientTool> tools = await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);

        // run_command is named, but stays off without --allow-run-command.
        Assert.Equal(["echo", "math_calc"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], new[] { "echo", "request_headers" })]
    [InlineData(new[] { "--allow-tool-changes" }, new[] { "echo", "request_headers", "set_tools" })]
    public async Task The_diagnostic_tools_are_listed_only_when_named_and_set_tools_only_with_its_flag(string[] flags, string[] listed)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            ServerTransportKind.Stdio, "alpha", ["--tools", "echo", "request_headers", "set_tools", .. flags]);

        IList<McpClientTool> tools = await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken);

        Assert.Equal(listed, tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tools_carry_titles_descriptions_annotations_and_schemas()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "alpha", ["--allow-run-command"]);

        var tools = (await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken))
            .ToDictionary(tool => tool.Name, tool => tool.ProtocolTool);

        Assert.Equal(["echo", "get_time", "list_files", "math_calc", "run_command"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.All(tools.Values, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Title));
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.All(Properties(tool.InputSchema), property => Assert.True(property.Value.TryGetProperty("description", out _), property.Name));
        });

        Tool math = tools["math_calc"];
        Assert.Equal("Calculate", math.Title);
        Assert.Equivalent(new { ReadOnlyHint = true, IdempotentHint = true, DestructiveHint = false, OpenWorldHint = false }, math.Annotations);
        Assert.Equal("number", Properties(math.OutputSchema!.Value).Single(p => p.Name == "result").Value.GetProperty("type").GetString());

        Tool run = tools["run_command"];
        Assert.Equivalent(new { ReadOnlyHint = false, DestructiveHint = true, OpenWorldHint = true }, run.Annotations);
        Assert.Equal(["exitCode", "stdout", "stderr"], Properties(run.OutputSchema!.Value).Select(p => p.Name));

        Assert.True(tools["get_time"].Annotations!.ReadOnlyHint);
        Assert.True(tools["list_files"].Annotations!.ReadOnlyHint);
        Assert.NotNull(tools["get_time"].OutputSchema);
        Assert.NotNull(tools["list_files"].OutputSchema);
        Assert.Null(tools["echo"].OutputSchema);
    }

    private static JsonElement.ObjectEnumerator Properties(JsonElement schema) => schema.GetProperty("properties").EnumerateObject();
}
