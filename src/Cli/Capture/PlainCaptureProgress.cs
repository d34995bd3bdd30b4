namespace McpFleet.Cli.Capture;

/// <summary>One line per server as it finishes: for redirected output, CI logs and scripts.</summary>
internal sealed class PlainCaptureProgress(TextWriter output) : ICaptureProgress, ICaptureObserver
{
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<ServerCaptureOutcome>> RunAsync(
        IReadOnlyList<string> serverNames,
        Func<ICaptureObserver, Task<IReadOnlyList<ServerCaptureOutcome>>> capture) => capture(this);

    public void Started(string serverName)
    {
    }

    public void Completed(ServerCaptureOutcome outcome)
    {
        var line = outcome.Succeeded
            ? $"ok      {outcome.ServerName}: {CaptureSummary.Contents(outcome.Snapshot!)} ({CaptureSummary.Protocol(outcome)}; {CaptureSummary.Seconds(outcome.Elapsed)}); {CaptureSummary.Written(outcome)}"
            : $"failed  {outcome.ServerName}: {outcome.Error}";
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
