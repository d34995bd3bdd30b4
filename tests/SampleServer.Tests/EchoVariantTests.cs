using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

/// <summary><c>--variant</c> serves changed definitions of echo, as a server that changed between two captures would.</summary>
public class EchoVariantTests
{
    private static async Task<(Tool Tool, string Reply)> EchoAsync(string? variant, Dictionary<string, object?> arguments)
    {
        string[] args = variant is null ? ["--tools", "echo"] : ["--tools", "echo", "--variant", variant];
        await using var server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "variant", args);
        var tool = Assert.Single(await server.Client.ListToolsAsync(cancellationToken: server.CancellationToken)).ProtocolTool;
        var result = await server.Client.CallToolAsync("echo", arguments, cancellationToken: server.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        return (tool, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    private static string[] Required(Tool tool) =>
        [.. tool.InputSchema.GetProperty("required").EnumerateArray().Select(name => name.GetString()!)];

    private static string Type(Tool tool, string property) =>
        tool.InputSchema.GetProperty("properties").GetProperty(property).GetProperty("type").GetString()!;

    [Fact]
    public async Task An_optional_parameter_is_added()
    {
        var (tool, reply) = await EchoAsync("echo-optional-param", new() { ["message"] = "hi", ["repeat"] = 3 });

        Assert.Equal(["message"], Required(tool));
        Assert.Equal("integer", Type(tool, "repeat"));
        Assert.Equal("hi hi hi", reply);
    }

    [Fact]
    public async Task A_required_parameter_is_added()
    {
        var (tool, reply) = await EchoAsync("echo-required-param", new() { ["message"] = "hi", ["prefix"] = ">> " });

        Assert.Equal(["message", "prefix"], Required(tool).Order(StringComparer.Ordinal));
        Assert.Equal(">> hi", reply);
    }

    [Fact]
    public async Task The_message_becomes_a_number()
    {
        var (tool, reply) = await EchoAsync("echo-number-message", new() { ["message"] = 2.5 });

        Assert.Equal("number", Type(tool, "message"));
        Assert.Equal("2.5", reply);
    }

    [Fact]
    public async Task The_tool_is_declared_destructive()
    {
        var (standard, _) = await EchoAsync(null, new() { ["message"] = "hi" });
        var (escalated, reply) = await EchoAsync("echo-destructive", new() { ["message"] = "hi" });

        Assert.Equivalent(new { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true }, standard.Annotations);
        Assert.Equivalent(new { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false }, escalated.Annotations);
        Assert.Equal("hi", reply);
    }

    [Fact]
    public async Task The_description_changes_and_nothing_else()
    {
        var (standard, _) = await EchoAsync(null, new() { ["message"] = "hi" });
        var (changed, _) = await EchoAsync("echo-new-description", new() { ["message"] = "hi" });

        Assert.NotEqual(standard.Description, changed.Description);
        Assert.Contains("id_rsa", changed.Description, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(standard.InputSchema), JsonSerializer.Serialize(changed.InputSchema));
        Assert.Equivalent(standard.Annotations, changed.Annotations);
    }
}
