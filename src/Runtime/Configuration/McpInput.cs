namespace McpFleet.Configuration;

/// <summary>
/// One of the <c>inputs</c> of a VS Code <c>mcp.json</c>: a value the user is asked for when a server refers to it as
/// <c>${input:ID}</c>, typically a secret such as an API key. The value is a secret like every substituted one.
/// </summary>
/// <param name="Id">The name <c>${input:ID}</c> refers to.</param>
/// <param name="Description">The prompt shown to the user.</param>
/// <param name="Password">Whether what is typed is hidden.</param>
/// <param name="Default">The value when the user types nothing.</param>
/// <param name="Options">The choices of a <c>pickString</c> input; empty for a <c>promptString</c>.</param>
public sealed record McpInput(string Id, string? Description, bool Password, string? Default, IReadOnlyList<string> Options);
