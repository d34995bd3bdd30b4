using ModelContextProtocol;

namespace McpFleet.SampleServer.Tests;

public class UnavailableToolTests
{
    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task An_unknown_tool_is_a_protocol_error_naming_it_the_server_and_the_tools(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "alpha", ["--tools", "get_time", "echo"]);

        McpProtocolException exception = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("nope", cancellationToken: server.CancellationToken));

        Assert.Equal(McpErrorCode.InvalidParams, exception.ErrorCode);
        Assert.EndsWith("Tool 'nope' does not exist on server 'alpha'; available: echo, get_time", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Run_command_without_permission_is_a_protocol_error_saying_how_to_enable_it(ServerTransportKind transport)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(transport, "alpha", ["--tools", "echo", "run_command"]);

        McpProtocolException exception = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("run_command", new Dictionary<string, object?> { ["command"] = "true" }, cancellationToken: server.CancellationToken));

        Assert.EndsWith("Tool 'run_command' is not enabled on server 'alpha' (start it with --allow-run-command)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_tools_without_permission_is_a_protocol_error_saying_how_to_enable_it()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "alpha", ["--tools", "echo", "set_tools"]);

        McpProtocolException exception = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("set_tools", new Dictionary<string, object?> { ["enabled"] = Array.Empty<string>() }, cancellationToken: server.CancellationToken));

        Assert.EndsWith("Tool 'set_tools' is not enabled on server 'alpha' (start it with --allow-tool-changes)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_left_out_of_tools_is_a_protocol_error_saying_how_to_enable_it()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "beta", ["--tools", "echo"]);

        McpProtocolException exception = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("math_calc", new Dictionary<string, object?> { ["expression"] = "1" }, cancellationToken: server.CancellationToken));

        Assert.EndsWith("Tool 'math_calc' is not enabled on server 'beta' (start it with --tools including math_calc)", exception.Message, StringComparison.Ordinal);
    }
}
