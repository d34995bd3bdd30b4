namespace McpFleet.Aggregation;

/// <summary>
/// The servers a fan-out calls: the instances of a unified tool's members, one server's instances, a list of servers,
/// the servers with a tag, or every server that offers the tool. Only servers in the fleet and not leaving it are
/// called; the order of the targets is the order of preference for <see cref="AggregationStrategies.First{TResult}"/>
/// and the order of a result's outcomes.
/// </summary>
public abstract class FanOutTargets
{
    private protected FanOutTargets(string toolName) => ToolName = toolName;

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }

    /// <summary>
    /// Every instance of every member of a unified tool: members in order of preference, each one's instances by
    /// name. A merged group's member is sent only the arguments it accepts.
    /// </summary>
    /// <param name="group">The unified tool, e.g. from the generated fleet's <c>Groups</c>.</param>
    public static FanOutTargets Group(ToolGroupDescriptor group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupTargets(group);
    }

    /// <summary>Every instance of the tool's server: the server and its replicas, by name.</summary>
    /// <param name="tool">The tool, e.g. from a generated server's <c>Tools</c>.</param>
    public static FanOutTargets Instances(ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return new InstanceTargets(tool);
    }

    /// <summary>
    /// Exactly the named servers, in the order given (a server's replicas are not added); a name that is not in the
    /// fleet is a failed outcome.
    /// </summary>
    /// <param name="tool">The tool to call on each of them (its server name is not used).</param>
    /// <param name="serverNames">The fleet's names for the servers.</param>
    /// <exception cref="ArgumentException">No name is given, or a name is given twice.</exception>
    public static FanOutTargets Servers(ToolDescriptor tool, params IEnumerable<string> serverNames)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(serverNames);
        string[] names = [.. serverNames];
        if (names.Length == 0 || names.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("At least one server name is needed, and names must not be empty.", nameof(serverNames));
        }

        if (names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Server '{twice.Key}' is named more than once.", nameof(serverNames));
        }

        return new NamedServerTargets(tool, names);
    }

    /// <summary>Every server with <paramref name="tag"/> (compared ordinally), by name.</summary>
    /// <param name="tool">The tool to call on each of them (its server name is not used).</param>
    /// <param name="tag">The tag.</param>
    public static FanOutTargets Tagged(ToolDescriptor tool, string tag)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return new TaggedTargets(tool, tag);
    }

    /// <summary>
    /// Every server that offers a tool of this name, by name: each server's live tool list is read first, in parallel.
    /// A server whose list cannot be read is called anyway, so that its failure is reported.
    /// </summary>
    /// <param name="tool">The tool to call on each of them (its server name is not used).</param>
    public static FanOutTargets Broadcast(ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return new BroadcastTargets(tool.ToolName, tool);
    }

    /// <summary>Every server that offers <paramref name="toolName"/>, each with the hints its tool list declares.</summary>
    internal static FanOutTargets Broadcast(string toolName) => new BroadcastTargets(toolName, template: null);

    /// <summary>The servers to call now, in target order.</summary>
    internal abstract ValueTask<IReadOnlyList<FanOutTarget>> ResolveAsync(FanOutContext context, FanOutOptions options, CancellationToken cancellationToken);
}
