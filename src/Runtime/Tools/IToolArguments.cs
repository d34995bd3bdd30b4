using System.Text.Json;

namespace McpFleet.Tools;

/// <summary>A tool's arguments, written as the JSON object its <c>inputSchema</c> describes. Implemented by
/// generated code without reflection.</summary>
public interface IToolArguments
{
    /// <summary>Writes the arguments as one JSON object, leaving out optional arguments that are not set.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
