using McpFleet.Drift;
using Spectre.Console;

namespace McpFleet.Cli.Check;

/// <summary>A terminal display: a spinner while the servers are checked, then coloured findings.</summary>
internal sealed class LiveCheckDisplay(IAnsiConsole console) : ICheckDisplay
{
    public Task<IReadOnlyList<ServerCheckOutcome>> RunAsync(int serverCount, Func<Task<IReadOnlyList<ServerCheckOutcome>>> check) =>
        console.Status().StartAsync($"Checking {serverCount} server{(serverCount == 1 ? "" : "s")} against their snapshots…", _ => check());

    public void Show(IReadOnlyList<ServerCheckOutcome> outcomes, IReadOnlySet<DriftClass> failOn)
    {
        foreach (var outcome in outcomes)
        {
            var mark = CheckSummary.Status(outcome, failOn) switch
            {
                "ok" => "[green]✓[/]",
                "changed" => "[yellow]![/]",
                _ => "[red]✗[/]",
            };
            console.MarkupLine($"{mark} [bold]{Markup.Escape(outcome.ServerName)}[/]: {Markup.Escape(CheckSummary.Findings(outcome))}");
            foreach (var (line, change) in CheckSummary.ChangeLines(outcome).Zip(outcome.Changes))
            {
                var colour = failOn.Contains(change.Class) ? "red" : "yellow";
                console.MarkupLine($"    [{colour}]{Markup.Escape(line)}[/]");
            }
        }
    }
}
