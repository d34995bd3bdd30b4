// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using System.Collections.Concurrent;
using McpFleet.Configuration;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Holds servers to the sampling limits: a request's token limit is lowered to <see cref="SamplingOptions.MaxTokens"/>,
/// and a server that used up its requests of the current window is refused until the window ends.
/// </summary>
internal sealed class SamplingGate(SamplingOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public async ValueTask<CreateMessageResult> SampleAsync(
        ServerDefinition server, SamplingHandler handler, CreateMessageRequestParams? parameters, IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
    {
        if (parameters is null)
        {
            throw new McpProtocolException("sampling/createMessage needs parameters.", McpErrorCode.InvalidParams);
        }

        if (!TryTake(server.Name))
        {
            throw new McpProtocolException(
                $"Server '{server.Name}' has used its {options.MaxRequestsPerWindow} sampling requests of this {options.RequestWindow.TotalSeconds:0.###} s window.",
                McpErrorCode.InvalidRequest);
        }

        if (parameters.MaxTokens > options.MaxTokens)
        {
            parameters.MaxTokens = options.MaxTokens;
        }

        return await handler(new SamplingRequest(server.Name, parameters, progress), cancellationToken).ConfigureAwait(false);
    }

    private bool TryTake(string serverName)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            var current = _windows.GetOrAdd(serverName, _ => new Window(now, 0));
            var next = now - current.Start >= options.RequestWindow ? new Window(now, 1) : current with { Used = current.Used + 1 };
            if (next.Used > options.MaxRequestsPerWindow)
            {
                return false;
            }

            if (_windows.TryUpdate(serverName, next, current))
            {
                return true;
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Used);
}
