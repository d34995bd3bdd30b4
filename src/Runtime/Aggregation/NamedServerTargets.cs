namespace McpFleet.Aggregation;

/// <summary>Exactly the servers named, in the order given.</summary>
internal sealed class NamedServerTargets(ToolDescriptor tool, IReadOnlyList<string> serverNames) : FanOutTargets(tool.ToolName)
{
    internal override ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<FanOutTarget>>(
        [
            .. serverNames.Select(name => context.Registry.Find(name) is { } entry
                ? FanOutTarget.For(entry, tool)
                : new FanOutTarget(name, Entry: null, tool with { ServerName = name })),
        ]);

    public override string ToString() => $"tool '{ToolName}' on servers {string.Join(", ", serverNames.Select(name => $"'{name}'"))}";
}
