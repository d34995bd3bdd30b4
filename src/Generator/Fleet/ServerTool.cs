using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;

namespace McpFleet.Generator.Fleet;

/// <summary>One server's definition of a shared tool, with its place in the fleet.</summary>
/// <remarks>
/// Every tool of the fleet becomes one, to find the shared ones; the canonical forms, which only comparisons need, are
/// computed on first use, so a fleet of thousands of tools with a few shared canonicalizes a few schemas.
/// </remarks>
internal sealed class ServerTool
{
    private readonly Lazy<string> _inputSchemaJson;
    private readonly Lazy<string?> _outputSchemaJson;
    private readonly Lazy<string> _definitionKey;

    public ServerTool(ServerSpec server, FleetServerSpec placement, ReplicaGroup group, ToolSpec tool)
    {
        Server = server;
        Placement = placement;
        Group = group;
        Tool = tool;
        _inputSchemaJson = new(() => SchemaCanonicalizer.Write(tool.InputSchemaText), LazyThreadSafetyMode.None);
        _outputSchemaJson = new(() => tool.OutputSchemaText is { } output ? SchemaCanonicalizer.Write(output) : null, LazyThreadSafetyMode.None);
        _definitionKey = new(() => InputSchemaJson + "\n" + OutputSchemaJson + "\n" + EffectiveHints.Of(tool.Hints), LazyThreadSafetyMode.None);
    }

    public ServerSpec Server { get; }

    public FleetServerSpec Placement { get; }

    /// <summary>The logical server this one is an instance of.</summary>
    public ReplicaGroup Group { get; }

    public ToolSpec Tool { get; }

    public string Name => Server.Name;

    public string? Version => Server.Version;

    /// <summary>The input schema without its documentation, canonical (see <see cref="SchemaCanonicalizer"/>).</summary>
    public string InputSchemaJson => _inputSchemaJson.Value;

    /// <summary>The output schema in the same form, when the tool declares one.</summary>
    public string? OutputSchemaJson => _outputSchemaJson.Value;

    /// <summary>Equal for two servers exactly when their definitions are identical, documentation aside.</summary>
    public string DefinitionKey => _definitionKey.Value;

    /// <summary>The server as messages name it: <c>'alpha' 1.0.0</c>, or <c>'alpha'</c> without a version.</summary>
    public string Reference => ConflictText.Server(Name, Version);

    /// <summary>The per-server method, as the report names it: <c>fleet.Alpha.SearchAsync</c>.</summary>
    public string Method => $"fleet.{Placement.PropertyName}.{Tool.MethodName}";

    public GroupMemberSpec ToMember(EquatableArray<string>? acceptedArguments = null) =>
        new(Name, Placement.Namespace, Placement.ClassName, Tool.Identifier, acceptedArguments, Server.Product);
}
