using McpFleet.Configuration;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Capture;

/// <summary>
/// Decides which protocol revision to pin for a capture. Unpinned, the SDK probes with <c>server/discover</c> for
/// 5 s and falls back to <c>initialize</c>: a server that ignores the probe costs those 5 s, and a stdio server that
/// starts slower than that answers the probe too late and then refuses the fallback. A known revision avoids both, so
/// the revision a server's previous snapshot recorded is pinned; <c>--protocol-version auto</c> probes afresh (e.g.
/// after the server was upgraded).
/// </summary>
internal static class ProtocolVersionSelector
{
    /// <summary>The command-line value that asks for negotiation even where a previous snapshot would pin.</summary>
    public const string Auto = "auto";

    public static (string? Version, ProtocolVersionSource Source) Select(ServerDefinition server, string? commandLineVersion, ServerSnapshot? previous)
    {
        if (commandLineVersion == Auto)
        {
            return (null, ProtocolVersionSource.Negotiated);
        }

        if (commandLineVersion is not null)
        {
            return (commandLineVersion, ProtocolVersionSource.CommandLine);
        }

        if (server.ProtocolVersion is not null)
        {
            return (server.ProtocolVersion, ProtocolVersionSource.Configuration);
        }

        return previous?.ProtocolVersion is { } recorded
            ? (recorded, ProtocolVersionSource.PreviousSnapshot)
            : (null, ProtocolVersionSource.Negotiated);
    }
}
