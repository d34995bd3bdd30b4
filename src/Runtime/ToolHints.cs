namespace McpFleet;

/// <summary>
/// A tool's behaviour hints (MCP <c>ToolAnnotations</c>) as the server declared them; <see langword="null"/> where it
/// declared nothing. The <c>Is…</c> properties apply the protocol's defaults.
/// </summary>
/// <param name="ReadOnly">The tool does not modify its environment.</param>
/// <param name="Destructive">The tool may perform destructive updates (meaningful only when not read-only).</param>
/// <param name="Idempotent">Calling it again with the same arguments has no additional effect.</param>
/// <param name="OpenWorld">The tool interacts with an open world of external entities.</param>
public sealed record ToolHints(bool? ReadOnly = null, bool? Destructive = null, bool? Idempotent = null, bool? OpenWorld = null)
{
    /// <summary>No hints declared.</summary>
    public static ToolHints None { get; } = new();

    /// <summary>The hints a live tool listing declares.</summary>
    internal static ToolHints From(ModelContextProtocol.Protocol.ToolAnnotations? annotations) =>
        annotations is null ? None : new ToolHints(annotations.ReadOnlyHint, annotations.DestructiveHint, annotations.IdempotentHint, annotations.OpenWorldHint);

    /// <summary>Whether the tool leaves its environment unchanged (default: no).</summary>
    public bool IsReadOnly => ReadOnly ?? false;

    /// <summary>Whether the tool may destroy data: never for a read-only tool, otherwise yes unless it says not.</summary>
    public bool IsDestructive => !IsReadOnly && (Destructive ?? true);

    /// <summary>Whether repeating a call is harmless: true for read-only tools and tools that declare idempotence.</summary>
    public bool IsIdempotent => IsReadOnly || (Idempotent ?? false);

    /// <summary>Whether the tool reaches beyond a closed set of entities (default: yes).</summary>
    public bool IsOpenWorld => OpenWorld ?? true;
}
