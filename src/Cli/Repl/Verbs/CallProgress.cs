using System.Globalization;
using ModelContextProtocol;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary>A call's progress notifications as lines, <c>echo: 2/5 Step 2 of 5</c>, shown as they arrive (not posted
/// to a synchronization context, so none is shown after the result).</summary>
internal sealed class CallProgress(string toolName, Action<string> show) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value)
    {
        var amount = value.Total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Progress:0.##}/{total:0.##}")
            : value.Progress.ToString("0.##", CultureInfo.InvariantCulture);
        show(value.Message is { Length: > 0 } message ? $"{toolName}: {amount} {message}" : $"{toolName}: {amount}");
    }
}
