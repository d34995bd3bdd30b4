namespace McpFleet;

/// <summary>A server's tool within a <see cref="ToolGroupDescriptor"/>.</summary>
/// <param name="Tool">The server's tool.</param>
/// <param name="AcceptedArguments">
/// For a merged group, the argument names this server's schema accepts (others are not sent to it); otherwise
/// <see langword="null"/>: every argument is sent.
/// </param>
public sealed record ToolGroupMember(ToolDescriptor Tool, IReadOnlyList<string>? AcceptedArguments = null);
