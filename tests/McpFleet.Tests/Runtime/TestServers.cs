using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Generated;
using McpFleet.SampleServer.Launching;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Runtime;

/// <summary>Server definitions and runtimes for the runtime's integration tests.</summary>
internal static class TestServers
{
    public static ServerDefinition Stdio(string name, params string[] args)
    {
        var (command, arguments) = SampleServerProcess.StdioCommand(name, args);
        return ServerDefinition.Stdio(name, command, arguments);
    }

    public static ServerDefinition Remote(string name, SampleServerProcess process) =>
        ServerDefinition.Remote(name, process.Endpoint, process.Endpoint.Scheme == "ws" ? TransportKind.WebSocket : TransportKind.StreamableHttp);

    /// <summary>A <c>--latency-ms</c> no test outlives: a call to that server finishes only if it is cancelled.</summary>
    public const string NeverMs = "600000";

    /// <summary>Options that reconnect and notice failures quickly, so tests do not wait on production defaults.</summary>
    public static FleetOptions FastOptions(params ServerDefinition[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        options.Connection.ReconnectDelay = TimeSpan.FromMilliseconds(50);
        options.Connection.MaxReconnectDelay = TimeSpan.FromMilliseconds(400);
        options.Connection.ConnectTimeout = TimeSpan.FromSeconds(20);
        options.Health.FailureThreshold = 1;
        options.Health.ProbeInterval = TimeSpan.FromMilliseconds(200);
        options.Health.RecoveryInterval = TimeSpan.FromMilliseconds(200);
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        return options;
    }

    public static FleetRuntime Runtime(FleetOptions options, params string[] services) =>
        new(options, new FleetManifest([.. services.Select(service => SampleTools.Server(service))]));

    /// <summary>Waits until <paramref name="condition"/> holds; the deadline only guards against a hang.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(() => Task.FromResult(condition()), what);

    /// <summary>How many tool calls the sample servers journaling to <paramref name="path"/> executed (cancelled calls are not counted).</summary>
    public static int JournalLines(string path) => ToolCallJournalFile.Executions(path).Count;
}

/// <summary>The sample server's <c>request_headers</c> tool, written as the generator would.</summary>
internal static class RequestHeaders
{
    public static ToolDescriptor Tool(string server) => new(server, "request_headers", new ToolHints(ReadOnly: true));

    public static Task<JsonToolResult> CallAsync(FleetRuntime runtime, string server) =>
        runtime.CallToolAsync<NoArguments, JsonToolResult>(Tool(server), new NoArguments());

    public static Dictionary<string, string> Headers(JsonToolResult result) =>
        result.Value.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}

internal sealed record NoArguments : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}

internal sealed record SetToolsArguments(params string[] Enabled) : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("enabled");
        foreach (var tool in Enabled)
        {
            writer.WriteStringValue(tool);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
