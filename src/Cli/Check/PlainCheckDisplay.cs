using McpFleet.Drift;

namespace McpFleet.Cli.Check;

/// <summary>Plain lines, for redirected output, CI logs and scripts: a status word and the findings per server, then
/// one indented line per change.</summary>
internal sealed class PlainCheckDisplay(TextWriter output) : ICheckDisplay
{
    public Task<IReadOnlyList<ServerCheckOutcome>> RunAsync(int serverCount, Func<Task<IReadOnlyList<ServerCheckOutcome>>> check) => check();

    public void Show(IReadOnlyList<ServerCheckOutcome> outcomes, IReadOnlySet<DriftClass> failOn)
    {
        foreach (var outcome in outcomes)
        {
            output.WriteLine($"{CheckSummary.Status(outcome, failOn),-8}{outcome.ServerName}: {CheckSummary.Findings(outcome)}");
            foreach (var line in CheckSummary.ChangeLines(outcome))
            {
                output.WriteLine($"          {line}");
            }
        }
    }
}
