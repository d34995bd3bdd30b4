using System.Diagnostics.Metrics;

namespace FleetDemo.Steps;

/// <summary>Step 6: what the fleet's meter recorded during the demo: per instrument, counts by their telling tag, or latency figures.</summary>
internal static class MetricsStep
{
    // The tag that tells a counter's measurements apart best; the server name for the others.
    private static readonly string[] s_breakdownTags =
        ["mcpfleet.resilience.event", "mcpfleet.drift.action", "mcpfleet.drift.trigger", "mcpfleet.outcome", "error.type", "mcpfleet.server.health"];

    public static void Run(MetricsRecorder metrics)
    {
        foreach (var instrument in metrics.ByInstrument())
        {
            DemoConsole.Line($"{instrument.Key.Name,-35} {(instrument.Key is Histogram<double> ? Latencies(instrument) : Counts(instrument))}");
        }
    }

    private static string Counts(IEnumerable<MetricsRecorder.Measurement> measurements)
    {
        var tag = s_breakdownTags.FirstOrDefault(name => measurements.Any(m => m.Tags.ContainsKey(name))) ?? "mcpfleet.server.name";
        var counts = measurements
            .GroupBy(m => m.Tags.GetValueOrDefault(tag) ?? "-")
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key} {group.Sum(m => m.Value):0}");
        return $"{measurements.Sum(m => m.Value),5:0}  ({string.Join(", ", counts)})";
    }

    private static string Latencies(IEnumerable<MetricsRecorder.Measurement> measurements)
    {
        double[] seconds = [.. measurements.Select(m => m.Value).Order()];
        return $"{seconds.Length,5}  (p50 {Milliseconds(Percentile(seconds, 0.50))}, p95 {Milliseconds(Percentile(seconds, 0.95))}, max {Milliseconds(seconds[^1])})";
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Ceiling(fraction * sorted.Length) - 1];

    private static string Milliseconds(double seconds) => $"{seconds * 1000:0.0} ms";
}
