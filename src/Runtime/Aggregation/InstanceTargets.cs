namespace McpFleet.Aggregation;

/// <summary>Every live instance of one server: the server and its replicas.</summary>
internal sealed class InstanceTargets(ToolDescriptor tool) : FanOutTargets(tool.ToolName)
{
    internal override ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken)
    {
        // A replica's name stands for the server it is a replica of.
        var service = context.Registry.Find(tool.ServerName)?.Definition.Service ?? tool.ServerName;
        return ValueTask.FromResult<IReadOnlyList<FanOutTarget>>(
            [.. context.Registry.InstancesOf(service).Where(entry => !entry.IsDraining).Select(entry => FanOutTarget.For(entry, tool))]);
    }

    public override string ToString() => $"tool '{ToolName}' on every instance of server '{tool.ServerName}'";
}
