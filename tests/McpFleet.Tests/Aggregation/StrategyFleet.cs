using McpFleet.Tests.Runtime;

namespace McpFleet.Tests.Aggregation;

/// <summary>
/// Real sample servers shared by the strategy tests: <c>alpha</c> and <c>beta</c> list the same folder, <c>gamma</c> a
/// different one, <c>broken</c> fails every call, <c>lagging</c> answers after a second and <c>stalled</c> not within a test.
/// </summary>
public sealed class StrategyFleet : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-strategies-").FullName;

    public FleetRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var shared = Folder("shared", ("a.txt", "alpha"), ("b.txt", "bravo"));
        var other = Folder("other", ("a.txt", "a longer alpha"), ("c.txt", "charlie"), ("d.txt", "delta"));
        Runtime = TestServers.Runtime(AggregationServers.Options(
            TestServers.Stdio("alpha", "--root", shared),
            TestServers.Stdio("beta", "--root", shared),
            TestServers.Stdio("gamma", "--root", other),
            TestServers.Stdio("broken", "--fail-rate", "1"),
            TestServers.Stdio("lagging", "--latency-ms", "1000"),
            TestServers.Stdio("stalled", "--latency-ms", "120000")));
        await Runtime.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private string Folder(string name, params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Join(_directory, name)).FullName;
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Join(folder, file), text);
        }

        return folder;
    }
}
