namespace McpFleet.Calls;

/// <summary>How far an attempt got before it ended: what decides whether its request can have left the process.</summary>
internal enum AttemptPhase
{
    /// <summary>Waiting for a turn under the server's concurrency bound.</summary>
    Queued,

    /// <summary>Waiting for the server's session to open.</summary>
    Connecting,

    /// <summary>The request was handed to the session: from here on it may have been delivered.</summary>
    Sent,
}
