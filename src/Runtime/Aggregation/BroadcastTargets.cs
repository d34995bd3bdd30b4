using McpFleet.Connections;
using McpFleet.Registry;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Aggregation;

/// <summary>
/// Every live server that offers a tool: each server's tool list is read in parallel, within the per-target timeout
/// (or the server's call timeout) and the fan-out's deadline.
/// </summary>
/// <param name="toolName">The tool's wire name.</param>
/// <param name="template">The typed tool; <see langword="null"/> takes each server's hints from its tool list.</param>
internal sealed class BroadcastTargets(string toolName, ToolDescriptor? template) : FanOutTargets(toolName)
{
    internal override async ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken)
    {
        var live = context.Registry.All.Where(entry => !entry.IsDraining).OrderBy(entry => entry.Name, StringComparer.Ordinal).ToArray();
        var listed = await Task.WhenAll(live.Select(entry => FindToolAsync(context, entry, options.TargetTimeout ?? context.CallTimeout(entry), cancellationToken))).ConfigureAwait(false);
        var targets = new List<FanOutTarget>(live.Length);
        for (var i = 0; i < live.Length; i++)
        {
            if (listed[i] is not { Offered: false })
            {
                targets.Add(FanOutTarget.For(live[i], template ?? new ToolDescriptor(live[i].Name, ToolName, listed[i]?.Hints ?? ToolHints.None)));
            }
        }

        return targets;
    }

    public override string ToString() => $"tool '{ToolName}' on every server that offers it";

    /// <summary>Whether the server offers the tool, and its hints; unknown (<see langword="null"/>) when its list cannot be read.</summary>
    private async Task<Listing?> FindToolAsync(FanOutContext context, ServerEntry entry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, context.Time);
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var tools = await context.ListTools(entry, listing.Token).ConfigureAwait(false);
            return tools.FirstOrDefault(tool => string.Equals(tool.Name, ToolName, StringComparison.Ordinal)) is { } found
                ? new Listing(true, ToolHints.From(found.Annotations))
                : new Listing(false, null);
        }
        catch (Exception e) when (e is ServerConnectionException or McpException or IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            // Called anyway: the call fails the same way, and its outcome says why.
            return null;
        }
    }

    private sealed record Listing(bool Offered, ToolHints? Hints);
}
