namespace McpFleet;

/// <summary>A server's tool within a <see cref="ToolGroupDescriptor"/>.</summary>
/// <param name="Tool">The server's tool.</param>
/// <param name="AcceptedArguments">
/// For a merged group, the argument names this server's schema accepts (others are not sent to it); otherwise
/// <see langword="null"/>: every argument is sent.
/// </param>
/// <param name="Product">
/// The product name the server reported when its snapshot was captured (<c>serverInfo.name</c>), which made it a member
/// of its replica group; <see langword="null"/> when it reported none.
/// </param>
public sealed record ToolGroupMember(ToolDescriptor Tool, IReadOnlyList<string>? AcceptedArguments = null, string? Product = null);
