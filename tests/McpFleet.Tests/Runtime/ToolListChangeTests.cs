using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Tools;

namespace McpFleet.Tests.Runtime;

/// <summary>A server's tools/list_changed reaches the fleet on both protocol revisions, and listening for it does not
/// keep a server from closing.</summary>
public sealed class ToolListChangeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-listen-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

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
        // The listen request on 2026-07-28 is sent as the session opens, and a stdio server reads requests in order: once
        // this call is answered, the listen request is open.
        await runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("svc", "echo", new ToolHints(ReadOnly: true)), new("hello"));

        await runtime.CallToolAsync<SetToolsArguments, TextToolResult>(new ToolDescriptor("svc", "set_tools", ToolHints.None), new("echo"));

        Assert.Equal("svc", (await changed.Task.WaitAsync(TimeSpan.FromSeconds(30))).ServerName);
    }

    [Fact]
    public async Task A_listening_server_exits_by_itself_when_the_fleet_closes()
    {
        // A server on the C# SDK keeps running while a subscriptions/listen request is open, until the SDK kills its
        // process tree after the shutdown timeout; the shell records the server's exit only if it was not killed.
        var exitFile = Path.Join(_directory, "exit-code");
        var (command, arguments) = SampleServerProcess.StdioCommand("svc", ["--tools", "echo", "set_tools", "--allow-tool-changes"]);
        var definition = ServerDefinition.Stdio("svc", "sh", ["-c", $"\"$0\" \"$@\"; echo $? > '{exitFile}'", command, .. arguments]);
        var runtime = TestServers.Runtime(TestServers.FastOptions(definition), "svc");
        await using (runtime)
        {
            await runtime.ConnectAsync();
            // Requests on a stdio session arrive in order: once this call is answered, the listen request is open.
            await runtime.CallToolAsync<EchoArguments, TextToolResult>(new ToolDescriptor("svc", "echo", new ToolHints(ReadOnly: true)), new("hello"));
        }

        Assert.True(File.Exists(exitFile), "The server was killed instead of exiting when its input closed.");
        Assert.Equal("0", (await File.ReadAllTextAsync(exitFile)).Trim());
    }
}
