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
        Assert.StartsWith("McpFleet conflict report: 4 servers, 2 tool names shared by more than one server", result.Output, StringComparison.Ordinal);
        Assert.Contains("[conflict] echo: audit 1.0.0, replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 (read-only on 'replica-1' 1.0.0, destructive on 'audit' 1.0.0) -> resolved by the rule prefer 'replica-1'", result.Output, StringComparison.Ordinal);
        Assert.Contains("[replicas] math_calc: replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 (identical) -> fleet.MathCalcAsync routes among replica-1, replica-2, replica-3.", result.Output, StringComparison.Ordinal);
        Assert.Contains("  replica-1: replica-1__echo, replica-1__math_calc", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error MCPF", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("// ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unresolved_conflict_is_reported_with_its_error_and_fails()
    {
        var result = await CliRunner.RunAsync("conflicts", Path.Join(s_sample, "snapshots"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("-> UNRESOLVED: error MCPF0103.", result.Output, StringComparison.Ordinal);
        Assert.Contains(".snapshot.json(", result.Output, StringComparison.Ordinal);
        Assert.Contains("error MCPF0103: Tool 'echo' is defined incompatibly", result.Output, StringComparison.Ordinal);
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
