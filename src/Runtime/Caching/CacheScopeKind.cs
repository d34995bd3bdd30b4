namespace McpFleet.Caching;

/// <summary>What a cached result was called through, so a server and a unified tool of the same name never share entries.</summary>
internal enum CacheScopeKind
{
    /// <summary>A server's own method: the server and its replicas.</summary>
    Server,

    /// <summary>A unified tool: any member of its replica group.</summary>
    ToolGroup,
}
