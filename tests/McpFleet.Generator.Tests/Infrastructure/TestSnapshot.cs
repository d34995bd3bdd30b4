namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>Small snapshots written in tests, with the server in <c>MyApp.{Server}</c>.</summary>
internal static class TestSnapshot
{
    /// <summary>A snapshot of server <paramref name="server"/> whose <c>tools</c> array is <paramref name="toolsJson"/>.</summary>
    public static SnapshotInput WithTools(string toolsJson, string server = "test") =>
        new($"/snapshots/{server}.snapshot.json", $$"""
            {
              "formatVersion": 1,
              "name": "{{server}}",
              "protocolVersion": "2025-11-25",
              "tools": {{toolsJson}}
            }
            """);

    /// <summary>A snapshot with one tool <c>t</c> whose input schema has the given <c>properties</c> and <c>required</c>.</summary>
    public static SnapshotInput WithInput(string propertiesJson, string requiredJson = "[]") =>
        WithTools($$"""[ { "name": "t", "inputSchema": { "type": "object", "properties": {{propertiesJson}}, "required": {{requiredJson}} } } ]""");

    /// <summary>A snapshot with one tool <c>t</c> without arguments whose output schema has the given <c>properties</c>.</summary>
    public static SnapshotInput WithOutput(string propertiesJson, string requiredJson = "[]") =>
        WithTools($$"""[ { "name": "t", "inputSchema": { "type": "object" }, "outputSchema": { "type": "object", "properties": {{propertiesJson}}, "required": {{requiredJson}} } } ]""");
}
