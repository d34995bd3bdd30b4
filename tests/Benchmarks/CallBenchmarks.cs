using System.Text.Json;
using BenchmarkDotNet.Attributes;
using McpFleet.Configuration;
using McpFleet.Tools;
using ModelContextProtocol.Client;

namespace McpFleet.Benchmarks;

/// <summary>
/// The runtime's overhead: a typed fleet call against a raw ModelContextProtocol <c>CallToolAsync</c>, each on an
/// in-process server of its own, so the difference is McpFleet's work (arguments, routing, health, telemetry, typing).
/// </summary>
[MemoryDiagnoser]
public class CallBenchmarks
{
    private static readonly ToolDescriptor s_echo = new("bench", "echo", new ToolHints(ReadOnly: true));
    private static readonly Dictionary<string, object?> s_rawArguments = new() { ["message"] = "hello" };
    private InMemoryServer _rawServer = null!;
    private InMemoryServer _fleetServer = null!;
    private InMemoryServer _plainFleetServer = null!;
    private McpClient _client = null!;
    private FleetRuntime _runtime = null!;
    private FleetRuntime _plainRuntime = null!;

    // Synchronous: the in-process toolchain (--inProcess) must not start a workload before the sessions are open.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _rawServer = new InMemoryServer();
        _fleetServer = new InMemoryServer();
        _plainFleetServer = new InMemoryServer();
        // Both pin the protocol revision: on a loaded machine the server/discover probe can time out and fail the setup.
        _client = await McpClient.CreateAsync(_rawServer.CreateTransport(), new McpClientOptions { ProtocolVersion = "2025-11-25" });
        _runtime = await ConnectAsync(_fleetServer, _ => { });

        // Without the resilience pipelines' work: no circuit breakers, no retries, no timeout.
        _plainRuntime = await ConnectAsync(_plainFleetServer, options =>
        {
            options.Resilience.CircuitBreaker.Enabled = false;
            options.Resilience.Retry.MaxRetryAttempts = 0;
            options.CallTimeout = Timeout.InfiniteTimeSpan;
        });
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        await _runtime.DisposeAsync();
        await _plainRuntime.DisposeAsync();
        await _rawServer.DisposeAsync();
        await _fleetServer.DisposeAsync();
        await _plainFleetServer.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<string> RawCallToolAsync()
    {
        var result = await _client.CallToolAsync("echo", s_rawArguments);
        return ((ModelContextProtocol.Protocol.TextContentBlock)result.Content[0]).Text;
    }

    [Benchmark]
    public async Task<string> FleetCallAsync() =>
        (await _runtime.CallToolAsync<EchoArguments, TextToolResult>(s_echo, new EchoArguments("hello"))).Text;

    [Benchmark]
    public async Task<string> FleetCallWithoutBreakersRetriesOrTimeoutAsync() =>
        (await _plainRuntime.CallToolAsync<EchoArguments, TextToolResult>(s_echo, new EchoArguments("hello"))).Text;

    private static async Task<FleetRuntime> ConnectAsync(InMemoryServer server, Action<FleetOptions> configure)
    {
        var options = new FleetOptions();
        options.Servers.Add(ServerDefinition.Custom("bench", server.CreateTransport) with { ProtocolVersion = "2025-11-25" });
        configure(options);
        var runtime = new FleetRuntime(options, new FleetManifest([new ServerDescriptor("bench", null, [s_echo])]));
        await runtime.ConnectAsync();
        return runtime;
    }

    /// <summary>What the generator emits for echo's arguments.</summary>
    private sealed record EchoArguments(string Message) : IToolArguments
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("message", Message);
            writer.WriteEndObject();
        }
    }
}
