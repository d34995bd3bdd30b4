namespace McpFleet.Cli.Capture;

/// <summary>Where the protocol revision used for a capture came from.</summary>
internal enum ProtocolVersionSource
{
    /// <summary>None was pinned: the client probed for the newest revision and fell back as needed.</summary>
    Negotiated,

    /// <summary>The <c>--protocol-version</c> option.</summary>
    CommandLine,

    /// <summary>The server's <c>protocolVersion</c> in <c>mcp.json</c>.</summary>
    Configuration,

    /// <summary>The revision recorded in the server's previous snapshot.</summary>
    PreviousSnapshot,
}
