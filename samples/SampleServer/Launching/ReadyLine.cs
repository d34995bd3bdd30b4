using System.Text.RegularExpressions;

namespace McpFleet.SampleServer.Launching;

/// <summary>The one line an HTTP instance prints on stdout once it listens; launchers wait for it.</summary>
public static partial class ReadyLine
{
    public static string Format(string serverName, string endpoint) => $"McpFleet SampleServer '{serverName}' listening on {endpoint}";

    [GeneratedRegex("^McpFleet SampleServer '.*' listening on (?<endpoint>\\S+)$")]
    public static partial Regex Pattern();
}
