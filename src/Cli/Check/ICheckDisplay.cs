using McpFleet.Drift;

namespace McpFleet.Cli.Check;

/// <summary>Shows a check run: progress while the servers are checked, then each server's findings in name order.</summary>
internal interface ICheckDisplay
{
    Task<IReadOnlyList<ServerCheckOutcome>> RunAsync(int serverCount, Func<Task<IReadOnlyList<ServerCheckOutcome>>> check);

    void Show(IReadOnlyList<ServerCheckOutcome> outcomes, IReadOnlySet<DriftClass> failOn);
}
