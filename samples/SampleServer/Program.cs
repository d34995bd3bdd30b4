using System.CommandLine;
using McpFleet.SampleServer;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Hosting;
using Microsoft.Extensions.Logging;

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
    using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => ServerLogging.Configure(logging, options.Verbose));
    using ToolCallJournal? journal = options.Faults.JournalPath is { } path ? new ToolCallJournal(path) : null;
    FaultInjector faults = new(options.Name, options.Faults, journal, TimeProvider.System);
    McpServerFactory servers = new(McpServerOptionsFactory.Create(options, faults, TimeProvider.System), loggerFactory);

    await (options.Transport == ServerTransport.Stdio
        ? StdioHost.RunAsync(options, servers, cancellationToken)
        : HttpHost.RunAsync(options, servers, cancellationToken));
    return ExitCodes.Success;
}
