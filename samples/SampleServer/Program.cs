using System.CommandLine;
using McpFleet.SampleServer;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Hosting;

var parseResult = new ServerCommandLine(RunAsync).Parse(args);
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    await Console.Error.WriteLineAsync("Run with --help for usage.");
    return ExitCodes.UsageError;
}

return await parseResult.InvokeAsync();

static async Task<int> RunAsync(ServerOptions options, CancellationToken cancellationToken)
{
    using ToolCallJournal? journal = options.Faults.JournalPath is { } path ? new ToolCallJournal(path) : null;
    McpServerOptionsSetup setup = new(options, new FaultInjector(options.Name, options.Faults, journal, TimeProvider.System), TimeProvider.System);

    await (options.Transport == ServerTransport.Stdio
        ? StdioHost.RunAsync(options, setup, cancellationToken)
        : HttpHost.RunAsync(options, setup, cancellationToken));
    return ExitCodes.Success;
}
