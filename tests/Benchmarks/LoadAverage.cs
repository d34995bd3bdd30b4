namespace McpFleet.Benchmarks;

/// <summary>The machine's load, printed with timings measured on a shared machine.</summary>
internal static class LoadAverage
{
    /// <summary>The 1, 5 and 15 minute load averages and the core count, e.g. <c>3.10 2.50 2.01 (2 cores)</c>.</summary>
    public static string Read()
    {
        var averages = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return $"{averages} ({Environment.ProcessorCount} cores)";
    }
}
