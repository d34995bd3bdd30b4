using System.Globalization;

namespace McpFleet.Cli.Repl.Output;

/// <summary>Durations as people read them, and as JSON numbers of milliseconds.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? duration.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture)
            : duration.TotalMilliseconds.ToString(duration.TotalMilliseconds >= 10 ? "0 'ms'" : "0.0 'ms'", CultureInfo.InvariantCulture);

    public static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 3);
}
