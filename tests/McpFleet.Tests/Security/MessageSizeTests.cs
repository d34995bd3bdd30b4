using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using McpFleet.Transports;
using Xunit.Abstractions;

namespace McpFleet.Tests.Security;

/// <summary>Tests that measure this process's allocations, so they run alone, after the others.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// A server's message is bounded on every transport: a 200 MB answer, or one that never ends, fails its call once the
/// limit (4 MiB by default) has arrived, with a <see cref="MessageTooLargeException"/> as the cause, and the client never
/// holds more. The call's exception is checked through its public contract: a tool exception, caused by that one.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class MessageSizeTests(ITestOutputHelper output)
{
    /// <summary>
    /// The most the client may allocate while refusing the message: its buffers grow by doubling up to the limit, so
    /// about twice the limit, with room to spare for the SDK's and HttpClient's own. Reading the 200 MB answer whole
    /// takes over 400 MB (its text is UTF-16); the endless one, everything there is.
    /// </summary>
    private const long AllocationBound = 48L * 1024 * 1024;

    [Theory]
    [InlineData("stdio", "huge")]
    [InlineData("stdio", "endless")]
    [InlineData("http", "huge")]
    [InlineData("http", "endless")]
    [InlineData("http-events", "huge")]
    [InlineData("http-events", "endless")]
    [InlineData("sse", "huge")]
    [InlineData("sse", "endless")]
    [InlineData("ws", "huge")]
    [InlineData("ws", "endless")]
    public async Task A_message_over_the_limit_fails_its_call_with_the_typed_exception_and_is_never_buffered(string transport, string tool)
    {
        var (server, process) = await StartAsync(transport);
        await using var _ = process;
        await using var runtime = new FleetRuntime(TestServers.FastOptions(server));
        await Hostile.CallAsync(runtime, "big", "echo", """{ "message": "warm" }""");

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var failure = await Assert.ThrowsAnyAsync<ToolException>(() => Hostile.CallAsync(runtime, "big", tool, """{ "megabytes": 200 }"""));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var error = Assert.IsType<MessageTooLargeException>(failure.InnerException);

        output.WriteLine($"{transport} {tool}: {allocated / 1024.0 / 1024:0.0} MiB allocated; {error.Message}");
        Assert.Equal("big", error.ServerName);
        Assert.Equal(ConnectionOptions.DefaultMaxMessageSize, error.Limit);
        Assert.InRange(error.Size, error.Limit + 1, error.Limit + (1024 * 1024));
        Assert.Contains("Server 'big' sent a message of at least", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Message, failure.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBound, $"The client allocated {allocated:N0} bytes refusing the message.");
    }

    [Fact]
    public async Task A_server_has_a_limit_of_its_own()
    {
        var server = Hostile.Stdio("big") with { MaxMessageSize = 64 * 1024 };
        await using var runtime = new FleetRuntime(TestServers.FastOptions(server));

        var failure = await Assert.ThrowsAnyAsync<ToolException>(() => Hostile.CallAsync(runtime, "big", "huge", """{ "megabytes": 1 }"""));

        Assert.Equal(64 * 1024, Assert.IsType<MessageTooLargeException>(failure.InnerException).Limit);
        Assert.Equal("deleted", (await Hostile.CallAsync(runtime, "big", "delete_all")).Text);
    }

    private static async Task<(ServerDefinition Server, IAsyncDisposable? Process)> StartAsync(string transport)
    {
        if (transport == "stdio")
        {
            return (Hostile.Stdio("big") with { ProtocolVersion = "2025-11-25" }, null);
        }

        var (process, endpoint) = await HostileServer.StartAsync(
            transport == "http-events" ? "http" : transport, args: transport == "http-events" ? ["--sse-responses"] : []);
        var kind = transport switch
        {
            "sse" => TransportKind.Sse,
            "ws" => TransportKind.WebSocket,
            _ => TransportKind.StreamableHttp,
        };
        return (ServerDefinition.Remote("big", endpoint, kind) with { ProtocolVersion = "2025-11-25" }, process);
    }
}
