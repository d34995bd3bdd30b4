using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The ReplicaFleet sample: a replica group of three servers and a conflict that its mcpfleet.json resolves. Without
/// that rule the build fails with the documented error, which is what makes the conflict a CI gate.
/// </summary>
public sealed class ReplicaFleetTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("mcpfleet-replicas-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_sample_unifies_the_replicas_and_reports_the_resolved_conflict()
    {
        var result = await ExternalCommand.RunDotNetAsync([Path.Join(AppContext.BaseDirectory, "ReplicaFleet.dll")], AppContext.BaseDirectory, TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("unified echo (Prefer): replica-1, replica-2, replica-3", result.Output, StringComparison.Ordinal);
        Assert.Contains("unified math_calc (Replicas): replica-1, replica-2, replica-3", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.MathCalcAsync(\"6 × 7\")  ->  42", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.Audit.EchoAsync(\"logged\")  ->  logged", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"fleet\.MathCalcFanOutAsync\(""6 × 7"", majority\)  ->  42, agreed by [23] of 3 replicas", result.Output);

        // The build writes its conflict report next to the sample's own output.
        var report = await File.ReadAllTextAsync(Path.Join(SampleOutput, "mcpfleet-conflicts.txt"));
        Assert.Contains("[conflict] echo: audit 1.0.0, replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 (read-only on 'replica-1' 1.0.0, destructive on 'audit' 1.0.0) -> resolved by the rule prefer 'replica-1'", report, StringComparison.Ordinal);
        Assert.Contains("[replicas] math_calc: replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 (identical)", report, StringComparison.Ordinal);
    }

    /// <summary>The sample's bin folder for the configuration and framework these tests were built with.</summary>
    private static string SampleOutput
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "bin", framework.Parent!.Name, framework.Name);
        }
    }

    [Fact]
    public async Task Without_its_policy_rule_the_build_fails_with_MCPF0103()
    {
        var policy = Path.Join(_work, "mcpfleet.json");
        await File.WriteAllTextAsync(policy, """{ "tools": {} }""");

        var build = await ExternalCommand.RunDotNetAsync(
            ["build", Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "ReplicaFleet.csproj"), "--artifacts-path", Path.Join(_work, "artifacts"), $"-p:McpFleetPolicyFile={policy}"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        var error = build.Output.Split('\n').First(line => line.Contains("error MCPF0103", StringComparison.Ordinal));
        Assert.Matches(@"ReplicaFleet/snapshots/[a-z0-9-]+\.snapshot\.json\(\d+,\d+\): error MCPF0103", error);
        Assert.Contains("Tool 'echo' is defined incompatibly by servers", error, StringComparison.Ordinal);
        Assert.Contains("read-only on 'replica-1' 1.0.0, destructive on 'audit' 1.0.0", error, StringComparison.Ordinal);
        Assert.Contains("\"echo\": { \"strategy\": \"prefer\", \"server\": ", error, StringComparison.Ordinal);
    }
}
