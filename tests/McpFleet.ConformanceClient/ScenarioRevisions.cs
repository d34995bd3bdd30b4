namespace McpFleet.ConformanceClient;

/// <summary>
/// The protocol revision each scenario's server speaks, pinned as a fleet pins the revision a snapshot recorded.
/// Unpinned, the MCP SDK's <c>server/discover</c> probe fails on the scenario servers, which answer it with <c>{}</c>;
/// and a pinned revision must be the one the server answers with (see docs/conformance.md).
/// </summary>
internal static class ScenarioRevisions
{
    public static string For(string scenario) => scenario switch
    {
        "sse-retry" => "2025-03-26",
        _ => "2025-11-25",
    };
}
