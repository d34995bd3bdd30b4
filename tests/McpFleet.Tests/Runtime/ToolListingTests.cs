using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>Tools no snapshot knows: listed live with <see cref="FleetRuntime.ListToolsAsync"/>, called with <see cref="JsonToolArguments"/>.</summary>
public sealed class ToolListingTests
{
    private static FleetRuntime Runtime(params ServerDefinition[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        return new FleetRuntime(options);
    }

    [Fact]
    public async Task Lists_the_tools_a_server_offers_now()
    {
        await using var runtime = Runtime(TestServers.Stdio("calc", "--tools", "math_calc", "echo"));

        var tools = await runtime.ListToolsAsync("calc");

        Assert.Equal(["echo", "math_calc"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.True(tools.Single(t => t.Name == "math_calc").Annotations?.ReadOnlyHint);
        Assert.True(runtime.GetServerStatuses().Single().IsConnected);
    }

    [Fact]
    public async Task A_server_not_in_the_fleet_is_named_with_the_ones_that_are()
    {
        await using var runtime = Runtime(TestServers.Stdio("calc"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.ListToolsAsync("files"));

        Assert.Equal("Server 'files' is not configured in this fleet; configured: calc.", error.Message);
    }

    [Fact]
    public async Task A_tool_is_called_by_name_with_json_arguments()
    {
        await using var runtime = Runtime(TestServers.Stdio("calc", "--tools", "math_calc"));

        var result = await runtime.CallToolAsync<JsonToolArguments, TextToolResult>(
            new ToolDescriptor("calc", "math_calc", ToolHints.None), JsonToolArguments.Parse("""{"expression": "6 * 7"}"""));

        Assert.Equal(42, result.RawResult.StructuredContent!.Value.GetProperty("result").GetDouble());
    }

    [Fact]
    public void Json_arguments_are_a_json_object_written_as_given()
    {
        using var document = JsonDocument.Parse("""{"message": "hi", "repeat": 2}""");
        var arguments = new JsonToolArguments(document.RootElement);
        document.Dispose();

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            arguments.WriteTo(writer);
        }

        Assert.Equal("""{"message":"hi","repeat":2}""", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Throws<ArgumentException>(() => JsonToolArguments.Parse("[1, 2]"));
        Assert.ThrowsAny<JsonException>(() => JsonToolArguments.Parse("{\"message\": }"));
    }
}
