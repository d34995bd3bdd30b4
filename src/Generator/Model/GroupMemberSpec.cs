namespace McpFleet.Generator.Model;

/// <summary>A server's tool within a unified tool.</summary>
/// <param name="ServerName">The server's name.</param>
/// <param name="ServerNamespace">The namespace of the server's proxy class.</param>
/// <param name="ServerClassName">The server's proxy class, whose <c>Tools</c> holds the tool's descriptor.</param>
/// <param name="ToolIdentifier">The tool's field in <c>Tools</c>.</param>
/// <param name="AcceptedArguments">For a merged tool, the wire names of the arguments this server accepts.</param>
/// <param name="Product">The product name the server reported in its snapshot, for the runtime to check its instances against.</param>
internal sealed record GroupMemberSpec(
    string ServerName,
    string ServerNamespace,
    string ServerClassName,
    string ToolIdentifier,
    EquatableArray<string>? AcceptedArguments,
    string? Product);
