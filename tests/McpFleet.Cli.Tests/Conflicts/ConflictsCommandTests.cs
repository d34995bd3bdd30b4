using McpFleet.Testing;

namespace McpFleet.Cli.Tests.Conflicts;

/// <summary><c>mcpfleet conflicts</c> prints the build's own report: it runs the generator over the same files.</summary>
public sealed class ConflictsCommandTests
{
    private static readonly string s_sample = Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet");

    [Fact]
    public async Task Prints_the_report_of_a_resolved_fleet_and_succeeds()
    {
        var result = await CliRunner.RunAsync("conflicts", Path.Join(s_sample, "snapshots"), "--policy", Path.Join(s_sample, "mcpfleet.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("McpFleet conflict report: 6 servers, 3 tool names shared by more than one server", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "[products] math_calc: sample-mirror: mirror 1.0.0; sample: replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 -> resolved by the rule prefer 'replica-1' "
                + "-> fleet.MathCalcAsync routes among replica-1, replica-2, replica-3; fleet.Mirror.MathCalcAsync only through its own method.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("[replicas] echo: replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 (identical) -> fleet.EchoAsync routes among replica-1, replica-2, replica-3.", result.Output, StringComparison.Ordinal);

        // time-us reports its own name: only the policy's replicaOf makes it a replica of time-eu.
        Assert.Contains("[replicas] get_time: time-eu 1.0.0, time-us 1.0.0 (identical) -> fleet.GetTimeAsync routes among time-eu, time-us.", result.Output, StringComparison.Ordinal);
        Assert.Contains("  replica-1: replica-1__echo, replica-1__math_calc", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error MCPF", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("// ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unresolved_shadowing_copy_is_reported_with_its_error_and_fails()
    {
        var result = await CliRunner.RunAsync("conflicts", Path.Join(s_sample, "snapshots"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("; UNRESOLVED: error MCPF0116 ('mirror' copies the tool of product 'sample').", result.Output, StringComparison.Ordinal);
        Assert.Contains("mirror.snapshot.json(", result.Output, StringComparison.Ordinal);
        Assert.Contains("error MCPF0116: Server 'mirror' 1.0.0 offers tool 'math_calc' exactly as product 'sample' does", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Informational_diagnostics_appear_only_when_asked_for()
    {
        var quiet = await CliRunner.RunAsync("conflicts", Path.Join(s_sample, "snapshots"), "--policy", Path.Join(s_sample, "mcpfleet.json"));
        var verbose = await CliRunner.RunAsync("conflicts", Path.Join(s_sample, "snapshots"), "--policy", Path.Join(s_sample, "mcpfleet.json"), "--verbose");

        Assert.DoesNotContain("info MCPF0101", quiet.Output, StringComparison.Ordinal);
        Assert.Contains("info MCPF0101", verbose.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_snapshots_is_a_usage_error()
    {
        using TemporaryDirectory empty = new();

        var result = await CliRunner.RunAsync("conflicts", empty.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"No snapshot files in {empty.Path}.\n", result.Error.ReplaceLineEndings("\n"));
    }
}
