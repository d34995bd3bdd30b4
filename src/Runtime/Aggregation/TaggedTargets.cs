namespace McpFleet.Aggregation;

/// <summary>Every live server with a tag.</summary>
internal sealed class TaggedTargets(ToolDescriptor tool, string tag) : FanOutTargets(tool.ToolName)
{
    internal override ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<FanOutTarget>>(
        [
            .. context.Registry.All
                .Where(entry => !entry.IsDraining && entry.Definition.Tags.Contains(tag, StringComparer.Ordinal))
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .Select(entry => FanOutTarget.For(entry, tool)),
        ]);

    public override string ToString() => $"tool '{ToolName}' on the servers tagged '{tag}'";
}
