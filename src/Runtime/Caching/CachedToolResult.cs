using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Caching;

/// <summary>
/// A successful result as the cache keeps it: its JSON, read back into a new <see cref="CallToolResult"/> for every
/// caller, so one caller changing its result cannot change another's; and the tool that produced it, which typed
/// results name in their errors.
/// </summary>
internal sealed class CachedToolResult
{
    private static readonly JsonTypeInfo<CallToolResult> s_typeInfo = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    private readonly byte[] _json;

    private CachedToolResult(byte[] json, ToolDescriptor tool)
    {
        _json = json;
        Tool = tool;
    }

    /// <summary>The tool, on the server that ran it.</summary>
    public ToolDescriptor Tool { get; }

    /// <summary>The size of the result's JSON, in bytes.</summary>
    public int Size => _json.Length;

    public static CachedToolResult Capture(CallToolResult result, ToolDescriptor tool) => new(JsonSerializer.SerializeToUtf8Bytes(result, s_typeInfo), tool);

    /// <summary>A new copy of the result.</summary>
    public CallToolResult Read() =>
        JsonSerializer.Deserialize(_json, s_typeInfo) ?? throw new InvalidOperationException("A cached tool result read back as null.");
}
