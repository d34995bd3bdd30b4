namespace McpFleet.SampleServer.Tools;

/// <summary>The names of the tools this server can offer.</summary>
internal static class ToolNames
{
    public const string Echo = "echo";
    public const string GetTime = "get_time";
    public const string ListFiles = "list_files";
    public const string MathCalc = "math_calc";
    public const string RunCommand = "run_command";

    /// <summary>Every tool, sorted ordinally.</summary>
    public static IReadOnlyList<string> All { get; } = [Echo, GetTime, ListFiles, MathCalc, RunCommand];
}
