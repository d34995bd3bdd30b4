using System.Text.Json;
using McpFleet;
using McpFleet.ConformanceClient;
using McpFleet.Configuration;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

// The conformance suite runs `<command> <server url>` with the scenario in MCP_CONFORMANCE_SCENARIO. The adapter does
// what an application would: it puts the server in a fleet, lists its tools and calls each one through the runtime.
// Diagnostics go to stderr; the exit code is 0 when every step succeeded.
var scenario = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_SCENARIO") ?? "";
var endpoint = new Uri(args[^1]);
using var logging = LoggerFactory.Create(builder => builder
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

var options = new FleetOptions();
options.Servers.Add(ServerDefinition.Remote("conformance", endpoint, TransportKind.StreamableHttp) with
{
    ProtocolVersion = ScenarioRevisions.For(scenario),
    OAuth = ConformanceOAuth.Options(Environment.GetEnvironmentVariable("MCP_CONFORMANCE_CONTEXT")),
});

// Accept every question with an empty form: the fleet fills in the schema's defaults.
options.ClientFeatures.Elicitation.Handler = (_, _) => ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement>() });

try
{
    await using var runtime = new FleetRuntime(options, loggerFactory: logging);
    foreach (var tool in await runtime.ListToolsAsync("conformance"))
    {
        var result = await runtime.CallToolAsync<JsonToolArguments, RawToolResult>(
            new ToolDescriptor("conformance", tool.Name, ToolHints.None), SampleArguments.For(tool.InputSchema));
        Console.Error.WriteLine($"{tool.Name}: {result.Text}");
    }

    return 0;
}
catch (Exception e) when (e is ToolException or McpFleet.Connections.ServerConnectionException or ModelContextProtocol.McpException or TimeoutException)
{
    Console.Error.WriteLine($"{scenario}: {e.GetType().Name}: {e.Message}");
    return 1;
}
