using System.Globalization;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Capture;

/// <summary>The words used for capture outcomes, shared by the plain and live displays.</summary>
internal static class CaptureSummary
{
    public static string Contents(ServerSnapshot snapshot) =>
        string.Join(", ", new[]
        {
            Count(snapshot.Tools.Length, "tool"),
            Count(snapshot.Resources.Length, "resource"),
            Count(snapshot.ResourceTemplates.Length, "resource template"),
            Count(snapshot.Prompts.Length, "prompt"),
        }.Where(part => part.Length > 0).DefaultIfEmpty("nothing"));

    public static string Protocol(ServerCaptureOutcome outcome) =>
        outcome.ProtocolSource == ProtocolVersionSource.Negotiated
            ? $"{outcome.Snapshot?.ProtocolVersion}"
            : $"{outcome.Snapshot?.ProtocolVersion}, pinned by {Describe(outcome.ProtocolSource)}";

    public static string Written(ServerCaptureOutcome outcome) =>
        $"{outcome.WriteResult?.ToString().ToLowerInvariant()} {outcome.FilePath}";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);

    public static string Total(IReadOnlyList<ServerCaptureOutcome> outcomes, string outputDirectory)
    {
        var failed = outcomes.Count(o => !o.Succeeded);
        return failed == 0
            ? $"Captured {Count(outcomes.Count, "server")} into {outputDirectory}."
            : $"Captured {outcomes.Count - failed} of {Count(outcomes.Count, "server")} into {outputDirectory}; {failed} failed.";
    }

    private static string Count(int count, string noun) => count switch
    {
        0 when noun != "server" => "",
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };

    private static string Describe(ProtocolVersionSource source) => source switch
    {
        ProtocolVersionSource.CommandLine => "--protocol-version",
        ProtocolVersionSource.Configuration => "mcp.json",
        ProtocolVersionSource.PreviousSnapshot => "the previous snapshot",
        _ => "negotiation",
    };
}
