using System.Text.Json;
using McpFleet.Generated;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Aggregation;

/// <summary>The sample server's <c>list_files</c> tool, written as the generator would: servers with different roots
/// answer differently, which is what majorities and merges need.</summary>
internal static class ListFiles
{
    public static ToolDescriptor Tool(string server = "sample") => new(server, "list_files", new ToolHints(ReadOnly: true, Destructive: false, OpenWorld: false));
}

internal sealed record ListFilesArguments(string Path = ".") : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("path", Path);
        writer.WriteEndObject();
    }
}

internal sealed record FileEntry(string Name, string Kind, long? Size);

internal sealed record ListFilesResult : ToolResult, IToolResult<ListFilesResult>
{
    public required string Path { get; init; }

    public required IReadOnlyList<FileEntry> Entries { get; init; }

    public static ListFilesResult FromCallToolResult(CallToolResult result, ToolDescriptor tool)
    {
        var content = StructuredJson.GetStructuredContent(result, tool);
        return new ListFilesResult
        {
            RawResult = result,
            Path = StructuredJson.GetString(content, "path", tool),
            Entries = StructuredJson.GetList(content, "entries", tool, (item, t) => new FileEntry(
                StructuredJson.GetString(item, "name", t), StructuredJson.GetString(item, "kind", t), StructuredJson.GetInt64OrNull(item, "size", t))),
        };
    }
}
