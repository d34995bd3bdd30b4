using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The ReplicaFleet sample: a replica group of one product, a group declared with replicaOf, and a rule that keeps
/// another product's copy of a tool out of the unified method. Without that rule the build fails with the documented
/// error, which is what makes a shadowing copy a CI gate; with it, no call of the unified method reaches the copy.
/// </summary>
public sealed class ReplicaFleetTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("mcpfleet-replicas-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_sample_unifies_each_logical_server_and_reports_the_rule_between_products()
    {
        var result = await ExternalCommand.RunDotNetAsync([Path.Join(AppContext.BaseDirectory, "ReplicaFleet.dll")], AppContext.BaseDirectory, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("unified echo (Replicas): replica-1 [sample], replica-2 [sample], replica-3 [sample]", result.Output, StringComparison.Ordinal);
        Assert.Contains("unified get_time (Replicas): time-eu [time-eu], time-us [time-us]", result.Output, StringComparison.Ordinal);
        Assert.Contains("unified math_calc (Prefer): replica-1 [sample], replica-2 [sample], replica-3 [sample]", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.MathCalcAsync(\"6 × 7\")  ->  42", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.Mirror.MathCalcAsync(\"6 × 7\")  ->  42", result.Output, StringComparison.Ordinal);
        Assert.Contains("fleet.GetTimeAsync(\"UTC\")  ->  UTC", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"fleet\.MathCalcFanOutAsync\(""6 × 7"", majority\)  ->  42, agreed by [23] of 3 replicas", result.Output);

        // The build writes its conflict report next to the sample's own output.
        var report = await File.ReadAllTextAsync(Path.Join(SampleOutput, "mcpfleet-conflicts.txt"));
        Assert.Contains("Replica groups (one product, or declared with replicaOf): sample: replica-1, replica-2, replica-3; time-eu + time-us: time-eu, time-us (replicaOf).", report, StringComparison.Ordinal);
        Assert.Contains(
            "[products] math_calc: sample-mirror: mirror 1.0.0; sample: replica-1 1.0.0, replica-2 1.0.0, replica-3 1.0.0 -> resolved by the rule prefer 'replica-1'",
            report,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_rule_between_products_the_build_fails_with_MCPF0116()
    {
        // The sample's policy with the replicaOf declaration kept and the math_calc rule removed.
        var policy = Path.Join(_work, "mcpfleet.json");
        await File.WriteAllTextAsync(policy, """{ "servers": { "time-us": { "replicaOf": "time-eu" } }, "tools": {} }""");

        var build = await ExternalCommand.RunDotNetAsync(
            ["build", Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "ReplicaFleet.csproj"), "--artifacts-path", Path.Join(_work, "artifacts"), $"-p:McpFleetPolicyFile={policy}"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        var error = build.Output.Split('\n').First(line => line.Contains("error MCPF0116", StringComparison.Ordinal));
        Assert.Matches(@"ReplicaFleet/snapshots/mirror\.snapshot\.json\(\d+,\d+\): error MCPF0116", error);
        Assert.Contains("Server 'mirror' 1.0.0 offers tool 'math_calc' exactly as product 'sample' does", error, StringComparison.Ordinal);
        Assert.Contains("but reports product 'sample-mirror'", error, StringComparison.Ordinal);
        Assert.Contains("\"math_calc\": { \"strategy\": \"prefer\", \"server\": \"replica-1\" }", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_call_of_the_unified_method_reaches_the_other_product()
    {
        // Two replicas of product "sample" and the mirror, a copy of it under another product name, each journalling the
        // calls it executes (a file each: the journal's writes are not atomic across processes).
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        options.Servers.Add(Stdio("replica-1", "--product", "sample", "--tools", "echo", "math_calc", "--journal", Journal("replica-1")));
        options.Servers.Add(Stdio("replica-2", "--product", "sample", "--tools", "echo", "math_calc", "--journal", Journal("replica-2")));
        options.Servers.Add(Stdio("mirror", "--product", "sample-mirror", "--tools", "math_calc", "--journal", Journal("mirror")));
        await using var fleet = global::ReplicaFleet.Fleet.Create(options);

        const int Calls = 12;
        for (var i = 0; i < Calls; i++)
        {
            Assert.Equal(i + 1, (await fleet.MathCalcAsync($"{i} + 1")).Result);
        }

        var fanOut = await fleet.MathCalcFanOutAsync(new global::ReplicaFleet.Replica1.MathCalcArguments { Expression = "2 + 2" }, AggregationStrategies.All<global::ReplicaFleet.Replica1.MathCalcResult>());
        Assert.Equal(42, (await fleet.Mirror.MathCalcAsync("6 * 7")).Result);

        var executed = options.Servers.ToDictionary(server => server.Name, server => ToolCallJournalFile.Executions(Journal(server.Name)).Count);

        // Hedging may send a read-only call to both replicas, never beyond them: the mirror ran only its own call.
        Assert.Equal(["replica-1", "replica-2"], fanOut.Outcomes.Select(o => o.Server).Order(StringComparer.Ordinal));
        Assert.True(executed["replica-1"] + executed["replica-2"] >= Calls + 2, string.Join(", ", executed));
        Assert.Equal(1, executed["mirror"]);
    }

    private string Journal(string server) => Path.Join(_work, $"{server}.jsonl");

    /// <summary>The sample's bin folder for the configuration and framework these tests were built with.</summary>
    private static string SampleOutput
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "bin", framework.Parent!.Name, framework.Name);
        }
    }

    private static ServerDefinition Stdio(string name, params string[] arguments)
    {
        var (command, commandArguments) = SampleServerProcess.StdioCommand(name, arguments);
        return ServerDefinition.Stdio(name, command, commandArguments);
    }
}
