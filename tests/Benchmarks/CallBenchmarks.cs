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
    private McpClient _client = null!;
    private FleetRuntime _runtime = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rawServer = new InMemoryServer();
        _fleetServer = new InMemoryServer();
        _client = await McpClient.CreateAsync(_rawServer.CreateTransport());
        var options = new FleetOptions();
        options.Servers.Add(ServerDefinition.Custom("bench", _fleetServer.CreateTransport));
        _runtime = new FleetRuntime(options, new FleetManifest([new ServerDescriptor("bench", null, [s_echo])]));
        await _runtime.ConnectAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        await _runtime.DisposeAsync();
        await _rawServer.DisposeAsync();
        await _fleetServer.DisposeAsync();
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
