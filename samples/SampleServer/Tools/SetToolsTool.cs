using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>
/// The <c>set_tools</c> diagnostic tool (with <c>--allow-tool-changes</c>): changes which tools this server lists and serves, for
/// every session of the process, so that clients are sent <c>notifications/tools/list_changed</c>, as when a server is upgraded.
/// </summary>
/// <param name="tools">The server's tool collection; the SDK notifies every session's client when it changes.</param>
/// <param name="permitted">The tools that may be enabled, sorted ordinally: all but <c>run_command</c> without its flag.</param>
/// <param name="createTool">Creates a tool by name.</param>
internal sealed class SetToolsTool(McpServerPrimitiveCollection<McpServerTool> tools, IReadOnlyList<string> permitted, Func<string, McpServerTool> createTool)
{
    private readonly Lock _changing = new();

    public McpServerTool Create() => McpServerTool.Create(SetTools, new McpServerToolCreateOptions
    {
        Name = ToolNames.SetTools,
        Title = "Set tools",
        Description = "Enables exactly the named tools of this server and disables the others, for every session, and notifies " +
            "clients that the tool list changed. set_tools itself stays enabled. A diagnostic for tests of changing servers.",
        ReadOnly = false,
        Idempotent = false,
        Destructive = true,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    internal ToolSet SetTools([Description("The names of the tools to enable; the others, but set_tools, are disabled.")] string[] enabled)
    {
        string[] refused = [.. enabled.Except([.. permitted, ToolNames.SetTools], StringComparer.Ordinal)];
        if (refused.Length > 0)
        {
            // McpException's message reaches the caller as a tool error; other exceptions' messages are hidden.
            throw new McpException(
                $"Cannot enable {string.Join(", ", refused.Select(name => $"'{name}'"))}; the tools that can be enabled are: {string.Join(", ", permitted)}.");
        }

        HashSet<string> wanted = new([.. enabled, ToolNames.SetTools], StringComparer.Ordinal);
        lock (_changing)
        {
            // One notification for the whole change, and none if nothing changed.
            using (tools.DeferChangedEvents())
            {
                foreach (var tool in tools.ToArray().Where(tool => !wanted.Contains(tool.ProtocolTool.Name)))
                {
                    tools.Remove(tool);
                }

                foreach (var name in wanted.Where(name => !tools.TryGetPrimitive(name, out _)).Order(StringComparer.Ordinal))
                {
                    tools.Add(createTool(name));
                }
            }

            return new ToolSet([.. tools.PrimitiveNames.Order(StringComparer.Ordinal)]);
        }
    }

    /// <param name="Tools">The tools enabled now, sorted ordinally.</param>
    internal sealed record ToolSet(IReadOnlyList<string> Tools);
}
