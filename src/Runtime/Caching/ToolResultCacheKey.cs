namespace McpFleet.Caching;

/// <summary>What identifies a cached result. Every part compares ordinally; none holds a credential.</summary>
/// <param name="Kind">Whether <paramref name="Scope"/> names a server or a unified tool.</param>
/// <param name="Scope">The server's name, or the unified tool's.</param>
/// <param name="ToolName">The tool's wire name.</param>
/// <param name="Arguments">The arguments as canonical JSON (<see cref="Json.CanonicalJson"/>), so their order does not matter.</param>
/// <param name="Partition">The credential partition (<see cref="CredentialPartition"/>): a hash, never a secret.</param>
internal readonly record struct ToolResultCacheKey(CacheScopeKind Kind, string Scope, string ToolName, string Arguments, string Partition);
