namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// One <c>mcpfleet repl --json</c> process for a test class, over the sample fleet and a stdio server <c>gamma</c>
/// (echo, list_files) given as a command line: three servers list <c>echo</c>.
/// </summary>
public sealed class JsonReplSession : IAsyncLifetime
{
    private readonly SampleFleet _fleet = new();
    private ReplProcess? _repl;

    public SampleFleet Fleet => _fleet;

    internal ReplProcess Repl => _repl ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _fleet.InitializeAsync();
        _repl = ReplProcess.Start([.. _fleet.Targets, SampleFleet.StdioTarget("gamma", "--tools", "echo", "list_files", "--journal", _fleet.JournalOf("gamma"))]);
        await _repl.WaitUntilConnectedAsync("alpha", "beta", "gamma");
    }

    public async Task DisposeAsync()
    {
        if (_repl is not null)
        {
            await _repl.DisposeAsync();
        }

        await _fleet.DisposeAsync();
    }
}
