using System.Globalization;

namespace McpFleet.Benchmarks.ConsumerBuild;

/// <summary>
/// The CPU time of this process's finished children, and theirs (Linux keeps it in <c>/proc/self/stat</c>): the work a
/// <c>dotnet build</c> did in all its processes (MSBuild nodes, the compiler), which a loaded machine inflates far less
/// than the time on the clock.
/// </summary>
internal static class ChildProcessorTime
{
    /// <summary>Linux reports it in clock ticks of 1/100 s (USER_HZ).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The children's user and system time so far; <see cref="TimeSpan.Zero"/> where <c>/proc</c> is missing.</summary>
    public static TimeSpan Read()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return TimeSpan.Zero;
        }

        // After the command name in parentheses: state (field 3) … cutime (16), cstime (17).
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
