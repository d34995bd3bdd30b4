using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Benchmarks.Stdio;

/// <summary>
/// The official TypeScript SDK's client, the raw C# SDK and a fleet, each calling server-everything's <c>echo</c> over
/// stdio, in interleaved rounds (the order rotates each round), one call at a time and with 16 and 64 in flight. Prints
/// each round's figures and the medians: calls per second, the client's CPU time per call and (for .NET) the bytes
/// allocated per call, with the fleet's ratios to the raw SDK and to the TypeScript client.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- stdio [rounds, default 5] [seconds per run, default 3]</c>.
/// </summary>
internal static class StdioBench
{
    private static readonly int[] s_concurrency = [1, 16, 64];
    private static readonly ToolDescriptor s_echo = new("everything", "echo", ToolHints.None);
    private static readonly Dictionary<string, object?> s_rawArguments = new() { ["message"] = "hello" };

    public static async Task RunAsync(int rounds, TimeSpan duration)
    {
        var interop = FindInterop();
        var server = Path.Join(interop, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js");
        Console.WriteLine($"server-everything echo over stdio: {rounds} interleaved rounds of {duration.TotalSeconds:0} s per client and concurrency; load average {LoadAverage()}.");
        await using var raw = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions { Command = "node", Arguments = [server, "stdio"], Name = "raw" }));
        var options = new FleetOptions();
        options.Servers.Add(ServerDefinition.Stdio("everything", "node", server, "stdio"));
        await using var fleet = new FleetRuntime(options, new FleetManifest([new ServerDescriptor("everything", null, [s_echo])]));
        await fleet.ConnectAsync();

        Func<Task> rawCall = async () => await raw.CallToolAsync("echo", s_rawArguments);
        Func<Task> fleetCall = async () => await fleet.CallToolAsync<EchoArguments, TextToolResult>(s_echo, new EchoArguments("hello"));
        await RunDotNetAsync(rawCall, 1, TimeSpan.FromSeconds(1));
        await RunDotNetAsync(fleetCall, 1, TimeSpan.FromSeconds(1));

        var results = new List<(string Client, int Concurrency, Figures Figures)>();
        Console.WriteLine();
        Console.WriteLine("| round | client | in flight | calls/s | CPU µs/call | alloc B/call |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        string[] clients = ["typescript", "raw", "fleet"];
        for (var round = 0; round < rounds; round++)
        {
            foreach (var concurrency in s_concurrency)
            {
                for (var i = 0; i < clients.Length; i++)
                {
                    var client = clients[(i + round) % clients.Length];
                    var figures = client switch
                    {
                        "typescript" => await RunTypeScriptAsync(interop, concurrency, duration),
                        "raw" => await RunDotNetAsync(rawCall, concurrency, duration),
                        _ => await RunDotNetAsync(fleetCall, concurrency, duration),
                    };
                    results.Add((client, concurrency, figures));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round + 1} | {client} | {concurrency} | {figures.CallsPerSecond:0} | {figures.CpuMicrosPerCall:0.0} | {(figures.BytesPerCall is { } b ? b.ToString("0", CultureInfo.InvariantCulture) : "–")} |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Medians (load average at the end {LoadAverage()}):");
        Console.WriteLine();
        Console.WriteLine("| in flight | TypeScript calls/s | raw calls/s | fleet calls/s | fleet ÷ raw | fleet ÷ TypeScript | raw ÷ TypeScript | CPU µs/call TS · raw · fleet | fleet CPU ÷ raw | alloc B/call raw · fleet | fleet − raw |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|");
        foreach (var concurrency in s_concurrency)
        {
            Figures Median(string client) => Figures.Median(results.Where(r => r.Client == client && r.Concurrency == concurrency).Select(r => r.Figures));
            var (ts, r, f) = (Median("typescript"), Median("raw"), Median("fleet"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {ts.CallsPerSecond:0} | {r.CallsPerSecond:0} | {f.CallsPerSecond:0} | **{f.CallsPerSecond / r.CallsPerSecond:0.00}** | {f.CallsPerSecond / ts.CallsPerSecond:0.00} | {r.CallsPerSecond / ts.CallsPerSecond:0.00} | {ts.CpuMicrosPerCall:0} · {r.CpuMicrosPerCall:0} · {f.CpuMicrosPerCall:0} | **{f.CpuMicrosPerCall / r.CpuMicrosPerCall:0.00}** | {r.BytesPerCall:0} · {f.BytesPerCall:0} | **{f.BytesPerCall - r.BytesPerCall:+0;-0}** |"));
        }
    }

    private static async Task<Figures> RunDotNetAsync(Func<Task> call, int concurrency, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var calls = 0L;
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (stopwatch.Elapsed < duration)
            {
                await call();
                Interlocked.Increment(ref calls);
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new Figures(calls / seconds, cpu.TotalMicroseconds / calls, (double)bytes / calls);
    }

    private static async Task<Figures> RunTypeScriptAsync(string interop, int concurrency, TimeSpan duration)
    {
        var start = new ProcessStartInfo("node", [Path.Join(interop, "bench", "echo-client.mjs"), concurrency.ToString(CultureInfo.InvariantCulture), duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        var calls = root.GetProperty("calls").GetDouble();
        return new Figures(calls / root.GetProperty("seconds").GetDouble(), root.GetProperty("cpuSeconds").GetDouble() * 1e6 / calls, null);
    }

    private static string FindInterop()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var interop = Path.Join(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Join(interop, "bench", "echo-client.mjs")))
            {
                return File.Exists(Path.Join(interop, "node_modules", "@modelcontextprotocol", "sdk", "package.json"))
                    ? interop
                    : throw new InvalidOperationException($"Run `npm ci --prefix {interop}` first (./test.sh does).");
            }
        }

        throw new InvalidOperationException("tests/interop was not found above the bench's directory.");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Figures(double CallsPerSecond, double CpuMicrosPerCall, double? BytesPerCall)
    {
        public static Figures Median(IEnumerable<Figures> runs)
        {
            var all = runs.ToList();
            return new(Middle(all.Select(f => f.CallsPerSecond)), Middle(all.Select(f => f.CpuMicrosPerCall)), all[0].BytesPerCall is null ? null : Middle(all.Select(f => f.BytesPerCall!.Value)));
        }

        private static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

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
