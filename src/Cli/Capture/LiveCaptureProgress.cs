using Spectre.Console;

namespace McpFleet.Cli.Capture;

/// <summary>A live display on a terminal: a spinner per server while it is captured, then its result.</summary>
internal sealed class LiveCaptureProgress(IAnsiConsole console) : ICaptureProgress
{
    public async Task<IReadOnlyList<ServerCaptureOutcome>> RunAsync(
        IReadOnlyList<string> serverNames,
        Func<ICaptureObserver, Task<IReadOnlyList<ServerCaptureOutcome>>> capture)
    {
        var outcomes = await console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn { CompletedText = " " }, new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                var tasks = serverNames.ToDictionary(
                    name => name,
                    name => context.AddTask(Markup.Escape(name), autoStart: false).IsIndeterminate(),
                    StringComparer.Ordinal);
                return capture(new Observer(tasks));
            });

        foreach (var outcome in outcomes)
        {
            console.MarkupLine(outcome.Succeeded
                ? $"[green]✓[/] [bold]{Markup.Escape(outcome.ServerName)}[/]: {Markup.Escape(CaptureSummary.Contents(outcome.Snapshot!))} [grey]({Markup.Escape(CaptureSummary.Protocol(outcome))}; {CaptureSummary.Seconds(outcome.Elapsed)})[/] {Markup.Escape(CaptureSummary.Written(outcome))}"
                : $"[red]✗[/] [bold]{Markup.Escape(outcome.ServerName)}[/]: {Markup.Escape(outcome.Error!)}");
        }

        return outcomes;
    }

    private sealed class Observer(IReadOnlyDictionary<string, ProgressTask> tasks) : ICaptureObserver
    {
        public void Started(string serverName) => tasks[serverName].StartTask();

        public void Completed(ServerCaptureOutcome outcome)
        {
            var task = tasks[outcome.ServerName];
            task.Description = outcome.Succeeded
                ? $"[green]✓[/] {Markup.Escape(outcome.ServerName)}"
                : $"[red]✗[/] {Markup.Escape(outcome.ServerName)}";
            task.IsIndeterminate(false).Value(task.MaxValue);
            task.StopTask();
        }
    }
}
