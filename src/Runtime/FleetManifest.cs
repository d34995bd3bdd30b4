using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet;

/// <summary>The servers and unified tools a generated fleet type was built from: what its typed methods expect to find.</summary>
public sealed class FleetManifest
{
    private static readonly JsonTypeInfo<Tool> s_toolType = (JsonTypeInfo<Tool>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool));

    private readonly Dictionary<string, ToolDescriptor> _byModelName;
    private readonly Lazy<Dictionary<string, Dictionary<string, Tool>>> _snapshotTools;

    /// <summary>Creates the manifest.</summary>
    /// <param name="servers">The servers, in ordinal order of their names.</param>
    /// <param name="toolGroups">The unified tools formed from tool names shared by several servers.</param>
    /// <param name="modelToolNames">Every tool's model-facing name; the names must be unique.</param>
    public FleetManifest(
        IReadOnlyList<ServerDescriptor> servers,
        IReadOnlyList<ToolGroupDescriptor>? toolGroups = null,
        IReadOnlyList<ModelToolName>? modelToolNames = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        Servers = servers;
        ToolGroups = toolGroups ?? [];
        ModelToolNames = modelToolNames ?? [];
        _byModelName = ModelToolNames.ToDictionary(n => n.Name, n => n.Tool, StringComparer.Ordinal);
        _snapshotTools = new(ReadSnapshotTools);
    }

    /// <summary>A manifest with no servers, for a runtime used without generated code.</summary>
    public static FleetManifest Empty { get; } = new([]);

    /// <summary>The servers, in ordinal order of their names.</summary>
    public IReadOnlyList<ServerDescriptor> Servers { get; }

    /// <summary>The unified tools formed from tool names shared by several servers, in ordinal order.</summary>
    public IReadOnlyList<ToolGroupDescriptor> ToolGroups { get; }

    /// <summary>Every tool's model-facing name, ordered by server name and then tool name.</summary>
    public IReadOnlyList<ModelToolName> ModelToolNames { get; }

    /// <summary>Finds the tool a model-facing name stands for: the names are reversible.</summary>
    public ToolDescriptor? FindByModelName(string modelName) => _byModelName.GetValueOrDefault(modelName);

    /// <summary>
    /// Finds a tool of a server's snapshot by name, with the hints the snapshot recorded: the generated descriptor when
    /// the proxies call the tool, otherwise a descriptor for calling it untyped — so a tool that <c>IncludeTools</c> or
    /// <c>ExcludeTools</c> left without generated code is still retried, hedged and cached only as its hints allow.
    /// </summary>
    /// <param name="serverName">The fleet's name for the server.</param>
    /// <param name="toolName">The tool's name on the wire.</param>
    /// <returns>The tool, or <see langword="null"/> when the manifest knows no such server or its snapshot no such tool.</returns>
    /// <exception cref="InvalidOperationException">The manifest's snapshot definitions of the server are not a JSON
    /// array of tool definitions.</exception>
    public ToolDescriptor? FindTool(string serverName, string toolName)
    {
        ArgumentNullException.ThrowIfNull(serverName);
        ArgumentNullException.ThrowIfNull(toolName);
        if (Servers.FirstOrDefault(server => server.Name == serverName) is not { } server)
        {
            return null;
        }

        if (server.Tools.FirstOrDefault(tool => tool.ToolName == toolName) is { } generated)
        {
            return generated;
        }

        return _snapshotTools.Value.GetValueOrDefault(serverName)?.GetValueOrDefault(toolName) is { } definition
            ? new ToolDescriptor(serverName, toolName, ToolHints.From(definition.Annotations))
            : null;
    }

    /// <summary>
    /// The definition a server's snapshot recorded for one of its tools, exactly as the server sent it: name, title,
    /// description, input and output schemas, annotations. This is what a model is shown for the tool.
    /// </summary>
    /// <param name="tool">The tool.</param>
    /// <returns>The definition, or <see langword="null"/> when the manifest carries no snapshot definitions for the tool.</returns>
    /// <exception cref="InvalidOperationException">The manifest's snapshot definitions of the tool's server are not a
    /// JSON array of tool definitions.</exception>
    public Tool? GetSnapshotTool(ToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return _snapshotTools.Value.GetValueOrDefault(tool.ServerName)?.GetValueOrDefault(tool.ToolName);
    }

    // The one place that reads ServerDescriptor.SnapshotTools into typed definitions, so a change of how snapshots
    // are carried stays here.
    private Dictionary<string, Dictionary<string, Tool>> ReadSnapshotTools()
    {
        var byServer = new Dictionary<string, Dictionary<string, Tool>>(StringComparer.Ordinal);
        foreach (var server in Servers)
        {
            if (server.SnapshotTools is null)
            {
                continue;
            }

            List<Tool> tools;
            try
            {
                tools = [.. server.SnapshotTools.Tools.Select(tool => tool.Deserialize(s_toolType)!)];
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The snapshot tools of server '{server.Name}' are not tool definitions: {e.Message}", e);
            }

            byServer[server.Name] = tools.DistinctBy(t => t.Name, StringComparer.Ordinal).ToDictionary(t => t.Name, StringComparer.Ordinal);
        }

        return byServer;
    }
}
