namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// Two small servers, <c>alpha</c> and <c>beta</c>, each offering one definition of tool <c>t</c>, for classification
/// tests. They are instances of one product, <c>demo</c>, unless told otherwise: definitions are classified between
/// replicas of one product.
/// </summary>
internal static class TwoServers
{
    public const string Product = "demo";

    /// <summary>A snapshot of <paramref name="server"/> at <paramref name="version"/> whose <c>tools</c> array is <paramref name="toolsJson"/>.</summary>
    public static SnapshotInput Snapshot(string server, string? version, string toolsJson, string extraJson = "", string product = Product) =>
        new($"/snapshots/{server}.snapshot.json", $$"""
            {
              "formatVersion": 1,
              "name": "{{server}}",
              "server": { "name": "{{product}}"{{(version is null ? "" : $", \"version\": \"{version}\"")}} },
              "protocolVersion": "2025-11-25",
              "tools": {{toolsJson}}{{extraJson}}
            }
            """);

    /// <summary>Tool <c>t</c> with the given input <c>properties</c>, <c>required</c> and extra members (e.g. annotations).</summary>
    public static string Tool(string propertiesJson, string requiredJson = "[]", string extraJson = "") =>
        $$"""[ { "name": "t", "inputSchema": { "type": "object", "properties": {{propertiesJson}}, "required": {{requiredJson}} }{{extraJson}} } ]""";

    /// <summary>Alpha 1.0.0 and beta with the two tool arrays.</summary>
    public static List<SnapshotInput> Of(string alphaTools, string betaTools, string betaVersion = "1.0.0") =>
        [Snapshot("alpha", "1.0.0", alphaTools), Snapshot("beta", betaVersion, betaTools)];
}
