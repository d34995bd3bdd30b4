using System.Diagnostics;

namespace FleetDemo;

/// <summary>The demo's output: numbered steps with a title and the time each took, their lines indented below.</summary>
internal static class DemoConsole
{
    private static int s_step;

    public static async Task StepAsync(string title, Func<Task> run)
    {
        Console.WriteLine();
        Console.WriteLine($"{++s_step}. {title}");
        var elapsed = Stopwatch.StartNew();
        await run();
        Console.WriteLine($"   ({Milliseconds(elapsed.Elapsed)})");
    }

    public static void Line(string text) => Console.WriteLine($"   {text}");

    public static string Milliseconds(TimeSpan duration) => $"{duration.TotalMilliseconds:0} ms";
}
