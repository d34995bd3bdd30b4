using McpFleet.Configuration;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>A server's tools/list_changed reaches the fleet on both protocol revisions.</summary>
public sealed class ToolListChangeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task A_changed_tool_list_raises_the_event(string? protocolVersion)
    {
        var definition = TestServers.Stdio("svc", "--tools", "echo", "math_calc", "set_tools", "--allow-tool-changes") with { ProtocolVersion = protocolVersion };
        await using var runtime = TestServers.Runtime(TestServers.FastOptions(definition), "svc");
        var changed = new TaskCompletionSource<ToolListChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.ToolListChanged += (_, e) => changed.TrySetResult(e);
        await runtime.ConnectAsync();
        // The listen request on 2026-07-28 is sent as the session opens; let it reach the server first.
        await Task.Delay(500);

        await runtime.CallToolAsync<SetToolsArguments, TextToolResult>(new ToolDescriptor("svc", "set_tools", ToolHints.None), new("echo"));

        Assert.Equal("svc", (await changed.Task.WaitAsync(TimeSpan.FromSeconds(30))).ServerName);
    }
}
