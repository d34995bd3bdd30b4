using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using McpFleet.Tools;

namespace McpFleet.Benchmarks.Failover;

/// <summary>
/// A replica killed mid-load: three HTTP replicas of a read-only tool take steady load from concurrent callers; one is
/// killed halfway. Prints the latency (p50, p99) before and after the kill and the failed calls, with the fleet's
/// default resilience and with retries and failover turned off, so the difference is what resilience buys.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- failover [seconds per phase]</c>.
/// </summary>
internal static class FailoverBench
{
    private const int Callers = 8;
    private static readonly ToolDescriptor s_echo = new("bench", "echo", new ToolHints(ReadOnly: true, Idempotent: true));

    public static async Task RunAsync(TimeSpan phase)
    {
        Console.WriteLine($"Replica killed mid-load: 3 HTTP replicas, {Callers} callers, {phase.TotalSeconds:0} s before and after the kill.");
        Console.WriteLine();

        // A first, unreported run warms the JIT, the processes' code and the machine: whichever runs first is slower.
        await RunOnceAsync("warm-up", TimeSpan.FromSeconds(3), options => { }, report: false);
        Console.WriteLine("| Resilience | Phase | Calls | Failed | p50 (ms) | p99 (ms) | Max (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        await RunOnceAsync("default", phase, options => { });
        await RunOnceAsync("off", phase, options =>
        {
            options.Resilience.Retry.MaxRetryAttempts = 0;
            options.Resilience.CircuitBreaker.Enabled = false;
        });
    }

    private static async Task RunOnceAsync(string label, TimeSpan phase, Action<FleetOptions> configure, bool report = true)
    {
        await using var a = await SampleServerProcess.StartAsync("bench", SampleTransport.Http);
        await using var b = await SampleServerProcess.StartAsync("bench-b", SampleTransport.Http);
        await using var c = await SampleServerProcess.StartAsync("bench-c", SampleTransport.Http);
        var options = new FleetOptions();
        options.Servers.Add(ServerDefinition.Remote("bench", a.Endpoint, TransportKind.StreamableHttp));
        options.Servers.Add(ServerDefinition.Remote("bench-b", b.Endpoint, TransportKind.StreamableHttp) with { ReplicaOf = "bench" });
        options.Servers.Add(ServerDefinition.Remote("bench-c", c.Endpoint, TransportKind.StreamableHttp) with { ReplicaOf = "bench" });
        configure(options);
        await using var runtime = new FleetRuntime(options, new FleetManifest([new ServerDescriptor("bench", "2025-11-25", [s_echo])]));
        await runtime.ConnectAsync();

        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<(TimeSpan At, TimeSpan Latency, bool Failed)>();
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var failed = false;
                try
                {
                    await runtime.CallToolAsync<EchoArguments, TextToolResult>(s_echo, new EchoArguments("hello"));
                }
                catch (ToolException)
                {
                    failed = true;
                }

                samples.Enqueue((started, clock.Elapsed - started, failed));
            }
        })).ToArray();

        // The first second warms up connections and the JIT; it is not reported.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var warm = clock.Elapsed;
        await Task.Delay(phase);
        var killedAt = clock.Elapsed;
        await c.KillAsync();
        await Task.Delay(phase);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        if (!report)
        {
            return;
        }

        Report(label, "before the kill", samples.Where(s => s.At >= warm && s.At < killedAt));
        Report(label, "first second after", samples.Where(s => s.At >= killedAt && s.At < killedAt + TimeSpan.FromSeconds(1)));
        Report(label, "whole time after", samples.Where(s => s.At >= killedAt));
    }

    private static void Report(string label, string phase, IEnumerable<(TimeSpan At, TimeSpan Latency, bool Failed)> samples)
    {
        var list = samples.ToList();
        var latencies = list.Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {label} | {phase} | {list.Count} | {list.Count(s => s.Failed)} | {Percentile(latencies, 0.50):0.00} | {Percentile(latencies, 0.99):0.00} | {latencies[^1]:0.00} |"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

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
