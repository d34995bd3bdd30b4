using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>One server's definition of a shared tool, with its place in the fleet.</summary>
internal sealed class ServerTool
{
    public ServerTool(ServerSpec server, FleetServerSpec placement, ReplicaGroup group, ToolSpec tool)
    {
        Server = server;
        Placement = placement;
        Group = group;
        Tool = tool;
        DefinitionKey = tool.InputSchemaJson + "\n" + tool.OutputSchemaJson + "\n" + EffectiveHints.Of(tool.Hints);
    }

    public ServerSpec Server { get; }

    public FleetServerSpec Placement { get; }

    /// <summary>The logical server this one is an instance of.</summary>
    public ReplicaGroup Group { get; }

    public ToolSpec Tool { get; }

    public string Name => Server.Name;

    public string? Version => Server.Version;

    /// <summary>Equal for two servers exactly when their definitions are identical, documentation aside.</summary>
    public string DefinitionKey { get; }

    /// <summary>The server as messages name it: <c>'alpha' 1.0.0</c>, or <c>'alpha'</c> without a version.</summary>
    public string Reference => ConflictText.Server(Name, Version);

    /// <summary>The per-server method, as the report names it: <c>fleet.Alpha.SearchAsync</c>.</summary>
    public string Method => $"fleet.{Placement.PropertyName}.{Tool.MethodName}";

    public GroupMemberSpec ToMember(EquatableArray<string>? acceptedArguments = null) =>
        new(Name, Placement.Namespace, Placement.ClassName, Tool.Identifier, acceptedArguments, Server.Product);
}
