namespace McpFleet.Aggregation;

/// <summary>Every live instance of every member of a unified tool.</summary>
internal sealed class GroupTargets(ToolGroupDescriptor group) : FanOutTargets(group.ToolName)
{
    internal override ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<FanOutTarget>>(
        [
            .. group.Members.SelectMany(member => context.Registry.InstancesOf(member.Tool.ServerName)
                .Where(entry => !entry.IsDraining)
                .Select(entry => FanOutTarget.For(entry, member.Tool, member.AcceptedArguments))),
        ]);

    public override string ToString() => group.ToString();
}
