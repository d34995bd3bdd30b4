using System.Text.Json;
using McpFleet.Json;
using McpFleet.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Aggregation;

/// <summary>
/// Compares tool results by their structure, as majority and quorum do by default: the structured content when the
/// result has some, otherwise the content blocks, as canonical JSON (the order of object properties does not matter,
/// nor how a number is written). Results that are not <see cref="ToolResult"/>s are compared by their own equality.
/// </summary>
/// <typeparam name="TResult">The tool's result type.</typeparam>
public sealed class StructuralResultComparer<TResult> : IEqualityComparer<TResult>
{
    /// <inheritdoc />
    public bool Equals(TResult? x, TResult? y) =>
        x is ToolResult left && y is ToolResult right
            ? string.Equals(KeyOf(left), KeyOf(right), StringComparison.Ordinal)
            : EqualityComparer<TResult>.Default.Equals(x, y);

    /// <inheritdoc />
    public int GetHashCode(TResult obj) =>
        obj is ToolResult result ? StringComparer.Ordinal.GetHashCode(KeyOf(result)) : EqualityComparer<TResult>.Default.GetHashCode(obj!);

    private static string KeyOf(ToolResult result) =>
        result.RawResult.StructuredContent is { } structured
            ? "structured:" + CanonicalJson.Write(structured)
            : "content:" + CanonicalJson.Write(JsonSerializer.SerializeToElement(result.RawResult.Content, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ContentBlock>))));
}
