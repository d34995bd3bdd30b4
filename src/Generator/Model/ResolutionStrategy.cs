namespace McpFleet.Generator.Model;

/// <summary>The policy strategies for a tool name shared by several servers (their spelling in mcpfleet.json is kebab-case).</summary>
internal enum ResolutionStrategy
{
    /// <summary><c>namespace-only</c>: no unified method; the per-server methods only.</summary>
    NamespaceOnly,

    /// <summary><c>prefer</c>: the named server's definition wins.</summary>
    Prefer,

    /// <summary><c>priority</c>: the server with the highest numeric priority wins.</summary>
    Priority,

    /// <summary><c>newest-version</c>: the server advertising the highest semantic version wins.</summary>
    NewestVersion,

    /// <summary><c>oldest-version</c>: the server advertising the lowest semantic version wins.</summary>
    OldestVersion,

    /// <summary><c>merge</c>: one method over the union of the parameters.</summary>
    Merge,
}
