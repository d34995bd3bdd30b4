using System.Globalization;
using System.Text.RegularExpressions;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The README's demo command keeps working and shows each fleet behaviour it names, and its committed snapshots stay
/// true to the servers it runs. Timings are printed, never asserted.
/// </summary>
public sealed partial class FleetDemoTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    private readonly string _snapshots = Directory.CreateTempSubdirectory("mcpfleet-demo-").FullName;

    public void Dispose() => Directory.Delete(_snapshots, recursive: true);

    [Fact]
    public async Task The_demos_snapshots_are_what_its_servers_serve_before_deltas_upgrade()
    {
        var committed = Path.Join(RepositoryPaths.Root, "samples", "FleetDemo", "snapshots");
        foreach (var file in Directory.GetFiles(committed))
        {
            File.Copy(file, Path.Join(_snapshots, Path.GetFileName(file)));
        }

        var result = await RunDemoAsync("--capture", "--snapshots", _snapshots);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["alpha", "beta", "delta", "gamma"],
            result.Output.Split('\n').Where(line => line.StartsWith("  unchanged ", StringComparison.Ordinal)).Select(line => Path.GetFileName(line.Trim()).Split('.')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_demo_shows_typed_calls_routing_failover_fan_out_drift_and_metrics()
    {
        var result = await RunDemoAsync();
        var output = result.Output;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["Typed calls on three transports", "A unified method routed across replicas", "A replica killed mid-load", "A fan-out with aggregation",
                "A drifted tool blocked", "The metrics it recorded (meter McpFleet)"],
            StepTitle().Matches(output).Select(m => m.Groups["title"].Value));

        // 1. Typed calls on stdio, Streamable HTTP and SSE, and a tool error as a typed exception.
        Assert.Contains("fleet.Alpha.MathCalcAsync(\"2 × (3 + 4) − −1\")  ->  15  (", output, StringComparison.Ordinal);
        Assert.Contains("fleet.Beta.EchoAsync(\"hello from beta\")  ->  hello from beta  (", output, StringComparison.Ordinal);
        Assert.Contains("fleet.Gamma.MathCalcAsync(\"6 × 7\")  ->  42  (", output, StringComparison.Ordinal);
        Assert.Contains("ToolErrorException: Tool 'math_calc' on server 'alpha' reported an error:", output, StringComparison.Ordinal);

        // 2. Round robin over the three replicas: six calls, each replica twice, every result right.
        var routed = RoutedCall().Matches(output).ToList();
        Assert.Equal(6, routed.Count);
        Assert.All(routed, m => Assert.Equal(int.Parse(m.Groups["factor"].Value, CultureInfo.InvariantCulture) * 7, int.Parse(m.Groups["result"].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(["alpha", "alpha", "beta", "beta", "gamma", "gamma"], routed.Select(m => m.Groups["server"].Value).Order(StringComparer.Ordinal));

        // 3. beta killed under load: no call failed, and the calls it could not answer failed over.
        Assert.Contains("killed beta (process ", output, StringComparison.Ordinal);
        Assert.Contains("200 calls of fleet.MathCalcAsync: 200 succeeded, 0 failed", output, StringComparison.Ordinal);
        var failovers = Failovers().Match(output);
        Assert.True(failovers.Success, output);
        Assert.True(int.Parse(failovers.Groups["count"].Value, CultureInfo.InvariantCulture) > 0, output);

        // 4. The vote has the three replicas' outcomes; the two alive agree.
        var vote = Vote().Match(output);
        Assert.True(vote.Success, output);
        Assert.Equal(["alpha", "gamma"], vote.Groups["contributors"].Value.Split(", ").Order(StringComparer.Ordinal));
        Assert.Matches(@"\n\s+beta\s+Failed\s", output);

        // 5. delta's drifted echo is blocked there, with the event and the typed exception, and served by the others.
        Assert.Contains("DriftDetected: server delta, blocked tools: echo", output, StringComparison.Ordinal);
        Assert.Contains("AnnotationEscalation echo: non-destructive → destructive  ->  Block", output, StringComparison.Ordinal);
        Assert.Contains("fleet.Delta.EchoAsync(\"hello from delta\")  ->  ToolBlockedException: Tool 'echo' on server 'delta' is blocked by the drift policy", output, StringComparison.Ordinal);
        Assert.Matches("fleet.EchoAsync\\(\"hello, fleet\"\\)  ->  hello, fleet   served by (alpha|gamma)\n", output);

        // 6. The meter saw the calls, the failovers, the drift and the fan-out.
        Assert.Matches(@"mcpfleet\.tool\.calls\s+\d+\s+\(error \d+, success \d+\)", output);
        Assert.Matches(@"mcpfleet\.tool\.duration\s+\d+\s+\(p50 [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms\)", output);
        Assert.Matches(@"mcpfleet\.resilience\.events\s+\d+\s+\(.*failover [1-9]", output);
        Assert.Matches(@"mcpfleet\.drift\.changes\s+3\s+\(block 3\)", output);
        Assert.Matches(@"mcpfleet\.fanout\.calls\s+1\s+\(success 1\)", output);
        Assert.Contains("Total run time: ", output, StringComparison.Ordinal);
    }

    private static Task<CommandResult> RunDemoAsync(params string[] arguments) =>
        ExternalCommand.RunDotNetAsync([Path.Join(AppContext.BaseDirectory, "FleetDemo.dll"), .. arguments], AppContext.BaseDirectory, s_timeout);

    [GeneratedRegex(@"^\d\. (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex StepTitle();

    [GeneratedRegex("fleet\\.MathCalcAsync\\(\"(?<factor>\\d) × 7\"\\)  ->  +(?<result>\\d+)   served by (?<server>\\w+)")]
    private static partial Regex RoutedCall();

    [GeneratedRegex(@"CallResent events: (?<count>\d+) failovers to another replica")]
    private static partial Regex Failovers();

    [GeneratedRegex(@"->  42, agreed by 2 of 3 replicas \((?<contributors>[^)]+)\)")]
    private static partial Regex Vote();
}
