using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>What mapping one tool's schemas shares: the server's type names, and the types and diagnostics it yields.</summary>
internal sealed class ToolMappingContext
{
    private readonly List<RecordSpec?> _records = [];
    private readonly List<EnumSpec> _enums = [];

    public ToolMappingContext(string serverName, string toolName, NameAllocator typeNames, SnapshotDiagnostics diagnostics)
    {
        ServerName = serverName;
        ToolName = toolName;
        TypeNames = typeNames;
        Diagnostics = diagnostics;
    }

    public string ServerName { get; }

    public string ToolName { get; }

    /// <summary>The type names of the server's namespace, shared by all its tools.</summary>
    public NameAllocator TypeNames { get; }

    public SnapshotDiagnostics Diagnostics { get; }

    public EquatableArray<RecordSpec> Records => _records.Select(record => record!).ToEquatableArray();

    public EquatableArray<EnumSpec> Enums => _enums.ToEquatableArray();

    /// <summary>
    /// Keeps a record's place before its properties are mapped, so that a record is emitted before the records nested
    /// in it, as a reader expects.
    /// </summary>
    public int ReserveRecord()
    {
        _records.Add(null);
        return _records.Count - 1;
    }

    public void SetRecord(int slot, RecordSpec record) => _records[slot] = record;

    public void AddEnum(EnumSpec spec) => _enums.Add(spec);

    /// <summary>Reports a schema construct that is generated as JSON rather than as a typed value.</summary>
    public void NotRepresentable(JsonNode at, string path, string reason, string generatedAs) =>
        Diagnostics.Add(DiagnosticDescriptors.SchemaNotRepresentable, Diagnostics.At(at), ToolName, ServerName, path, reason, generatedAs);

    /// <summary>Describes something of this tool for rename messages, e.g. "'inputSchema.properties.class' of tool 'x'".</summary>
    public string Describe(string path) => $"'{path}' of tool '{ToolName}'";
}
