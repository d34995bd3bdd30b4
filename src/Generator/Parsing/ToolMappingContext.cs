using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>What mapping one tool's schemas reports to: its name and the snapshot's diagnostics.</summary>
internal sealed class ToolMappingContext
{
    public ToolMappingContext(string serverName, string toolName, SnapshotDiagnostics diagnostics)
    {
        ServerName = serverName;
        ToolName = toolName;
        Diagnostics = diagnostics;
    }

    public string ServerName { get; }

    public string ToolName { get; }

    public SnapshotDiagnostics Diagnostics { get; }

    /// <summary>Reports a schema construct that is generated as JSON rather than as a typed value.</summary>
    public void NotRepresentable(JsonNode at, string path, string reason, string generatedAs) =>
        Diagnostics.Add(DiagnosticDescriptors.SchemaNotRepresentable, Diagnostics.At(at), ToolName, ServerName, path, reason, generatedAs);

    /// <summary>Reports a <c>type</c> JSON Schema does not define, most likely a misspelling.</summary>
    public void UnknownType(JsonNode at, string path, string type) =>
        Diagnostics.Add(DiagnosticDescriptors.UnknownSchemaType, Diagnostics.At(at), ToolName, ServerName, path, type);

    /// <summary>Describes something of this tool for rename messages, e.g. "'inputSchema.properties.class' of tool 'x'".</summary>
    public string Describe(string path) => Describe(ToolName, path);

    public static string Describe(string toolName, string path) => $"'{path}' of tool '{toolName}'";
}
