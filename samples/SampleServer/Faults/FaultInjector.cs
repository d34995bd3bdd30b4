using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Faults;

/// <summary>
/// A tool-call filter that applies <see cref="FaultOptions"/> to every tool: latency, injected failures, journaling and a
/// deliberate exit that leaves the caller without a response.
/// </summary>
internal sealed class FaultInjector(string serverName, FaultOptions options, ToolCallJournal? journal, TimeProvider timeProvider)
{
    private readonly Random _random = options.Seed is int seed ? new Random(seed) : new Random();
    private readonly Lock _randomLock = new();
    private int _executedCalls;

    /// <summary>The filter, for <see cref="McpRequestFilters.CallToolFilters"/>.</summary>
    public McpRequestHandler<CallToolRequestParams, CallToolResult> Apply(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            // A call to a tool this instance does not serve is a protocol error, not an execution.
            if (request.MatchedPrimitive is null)
            {
                return await next(request, cancellationToken);
            }

            var tool = request.Params!.Name;
            if (options.Latency > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(options.Latency, timeProvider, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller gave up before the tool ran: a journal line a test can wait for, instead of waiting out the latency.
                    journal?.RecordCancelled(serverName, tool);
                    throw;
                }
            }

            if (ShouldFail())
            {
                throw new McpProtocolException(
                    string.Create(CultureInfo.InvariantCulture, $"Injected failure on server '{serverName}': tool '{tool}' was not run (--fail-rate {options.FailRate})."),
                    McpErrorCode.InternalError);
            }

            try
            {
                return await next(request, cancellationToken);
            }
            finally
            {
                // Also when the tool failed: it did run, and a retrying caller must be able to see that.
                RecordExecution(tool);
            }
        };

    private bool ShouldFail()
    {
        lock (_randomLock)
        {
            return _random.NextDouble() < options.FailRate;
        }
    }

    private void RecordExecution(string tool)
    {
        journal?.RecordExecuted(serverName, tool);
        var executed = Interlocked.Increment(ref _executedCalls);
        if (executed == options.ExitAfter)
        {
            // Simulates a crash after the work is done but before the caller hears about it. Written straight to stderr,
            // because the console logger writes on a background thread that exiting would cut short.
            Console.Error.WriteLine($"Server '{serverName}' exits after tool call {executed} (--exit-after {options.ExitAfter}).");
            Environment.Exit(ExitCodes.InjectedExit);
        }
    }
}
