namespace McpFleet.Generator.Model;

/// <summary>A tool name shared by several servers that gets a unified, routable method on the fleet class.</summary>
/// <remarks>
/// It holds what the method's code and docs need and nothing positional (no snapshot locations), so an edit that only
/// moves lines of a snapshot leaves it equal and the fleet file cached.
/// </remarks>
/// <param name="WireName">The tool's name on the wire.</param>
/// <param name="Identifier">The method is <c>{Identifier}Async</c>, its fan-out <c>{Identifier}FanOutAsync</c> and the descriptor <c>Groups.{Identifier}</c>; unique in the fleet class.</param>
/// <param name="Resolution">How the group was formed.</param>
/// <param name="Rule">The policy rule that resolved the group, as users write it; <see langword="null"/> for plain replicas.</param>
/// <param name="Members">The servers' tools, in order of preference (the winner first).</param>
/// <param name="ExcludedServers">Servers of a member's product offering the tool with another definition, reached only through their own methods.</param>
/// <param name="Title">The winning definition's title, for docs.</param>
/// <param name="Description">The winning definition's description, for docs.</param>
/// <param name="Hints">The hints the docs show: the winner's, or for a merge the weakest guarantees of all members.</param>
/// <param name="Arguments">The arguments record: the winner's, or for a merge the merged record in the fleet's namespace.</param>
/// <param name="ArgumentsNamespace">The namespace of <paramref name="Arguments"/>.</param>
/// <param name="ResultKind">How the result is typed.</param>
/// <param name="ResultName">The winner's (or first member's) result record, when <paramref name="ResultKind"/> is typed.</param>
/// <param name="ResultNamespace">The namespace of <paramref name="ResultName"/>.</param>
/// <param name="OtherProductServers">Servers of products that are not members offering the tool, reached only through their own methods.</param>
/// <param name="JoinedProducts">When a rule joined different products into the method, their names (replica group
/// labels), in order of preference; empty for one product.</param>
internal sealed record UnifiedToolSpec(
    string WireName,
    string Identifier,
    GroupResolution Resolution,
    string? Rule,
    EquatableArray<GroupMemberSpec> Members,
    EquatableArray<string> ExcludedServers,
    string? Title,
    string? Description,
    ToolHintsSpec Hints,
    RecordSpec Arguments,
    string ArgumentsNamespace,
    ToolResultKind ResultKind,
    string? ResultName,
    string ResultNamespace,
    EquatableArray<string> OtherProductServers,
    EquatableArray<string> JoinedProducts)
{
    public string MethodName => Identifier + "Async";
}
