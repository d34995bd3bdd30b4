namespace McpFleet.Connections;

/// <summary>The protocol revisions the connector tells apart when negotiation goes wrong.</summary>
internal static class ProtocolRevisions
{
    /// <summary>The first revision without the <c>initialize</c> handshake: clients probe with <c>server/discover</c>.</summary>
    public const string Discover = "2026-07-28";

    /// <summary>The newest revision that still opens sessions with <c>initialize</c>.</summary>
    public const string NewestWithInitialize = "2025-11-25";
}
