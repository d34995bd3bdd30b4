namespace McpFleet.Cli;

/// <summary>Finds the <c>mcp.json</c> to use when none is named on the command line.</summary>
internal static class ConfigurationLocator
{
    /// <summary>Where VS Code, Claude Code and the desktop clients keep a project's servers, in the order tried.</summary>
    public static readonly IReadOnlyList<string> Candidates = ["mcp.json", Path.Combine(".vscode", "mcp.json"), ".mcp.json"];

    public static string? Find(string directory) =>
        Candidates.Select(candidate => Path.Combine(directory, candidate)).FirstOrDefault(File.Exists);
}
