namespace McpFleet;

/// <summary>The servers and unified tools a generated fleet type was built from: what its typed methods expect to find.</summary>
public sealed class FleetManifest
{
    private readonly Dictionary<string, ToolDescriptor> _byModelName;

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
}
