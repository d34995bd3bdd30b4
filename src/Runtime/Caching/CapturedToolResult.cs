using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Caching;

/// <summary>
/// A typed result together with the raw result and the tool it came from: the result type the runtime dispatches a
/// cacheable call with, so the typed conversion (and its error reporting) stays where it is while the cache keeps the
/// raw result, from which any typed view can be read again.
/// </summary>
/// <typeparam name="TResult">The caller's result type.</typeparam>
internal sealed class CapturedToolResult<TResult> : IToolResult<CapturedToolResult<TResult>>
    where TResult : IToolResult<TResult>
{
    private CapturedToolResult(CallToolResult raw, ToolDescriptor tool, TResult value)
    {
        Raw = raw;
        Tool = tool;
        Value = value;
    }

    public CallToolResult Raw { get; }

    public ToolDescriptor Tool { get; }

    public TResult Value { get; }

    public static CapturedToolResult<TResult> FromCallToolResult(CallToolResult result, ToolDescriptor tool) =>
        new(result, tool, TResult.FromCallToolResult(result, tool));
}
