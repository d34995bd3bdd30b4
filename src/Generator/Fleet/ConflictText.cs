using McpFleet.Generator.Json;

namespace McpFleet.Generator.Fleet;

/// <summary>The wording shared by conflict diagnostics and the conflict report.</summary>
internal static class ConflictText
{
    /// <summary><c>'alpha' 1.0.0</c>, or <c>'alpha'</c> for a server that advertises no version.</summary>
    public static string Server(string name, string? version) => version is null ? $"'{name}'" : $"'{name}' {version}";

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1],
    };

    /// <summary>A tool rule as it is written in mcpfleet.json's <c>tools</c>: <c>"search": { "strategy": "prefer", "server": "alpha" }</c>.</summary>
    public static string Rule(string tool, string strategy, string? server = null) =>
        server is null
            ? $"{CompactJson.Quote(tool)}: {{ \"strategy\": {CompactJson.Quote(strategy)} }}"
            : $"{CompactJson.Quote(tool)}: {{ \"strategy\": {CompactJson.Quote(strategy)}, \"server\": {CompactJson.Quote(server)} }}";

    /// <summary>A JSON value for a message, cut so that a long schema does not swamp it; <c>none</c> when absent.</summary>
    public static string Value(JsonNode? node)
    {
        const int MaxLength = 60;
        if (node is null)
        {
            return "none";
        }

        var text = CompactJson.Write(node);
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
    }
}
