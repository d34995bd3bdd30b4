namespace McpFleet.Cli.Capture;

/// <summary>Shows a capture run while it happens.</summary>
internal interface ICaptureProgress
{
    /// <summary>Runs <paramref name="capture"/>, which reports each server's start and outcome to the observer it is given.</summary>
    Task<IReadOnlyList<ServerCaptureOutcome>> RunAsync(
        IReadOnlyList<string> serverNames,
        Func<ICaptureObserver, Task<IReadOnlyList<ServerCaptureOutcome>>> capture);
}

/// <summary>Receives the events of a capture run; called concurrently from the servers' captures.</summary>
internal interface ICaptureObserver
{
    void Started(string serverName);

    void Completed(ServerCaptureOutcome outcome);
}
