using McpFleet.Generator.Model;

namespace McpFleet.Generator.Policy;

/// <summary>The strategies' names as mcpfleet.json and the MSBuild properties spell them.</summary>
internal static class StrategyNames
{
    private static readonly (string Name, ResolutionStrategy Strategy)[] s_all =
    [
        ("namespace-only", ResolutionStrategy.NamespaceOnly),
        ("prefer", ResolutionStrategy.Prefer),
        ("priority", ResolutionStrategy.Priority),
        ("newest-version", ResolutionStrategy.NewestVersion),
        ("oldest-version", ResolutionStrategy.OldestVersion),
        ("merge", ResolutionStrategy.Merge),
    ];

    /// <summary>All names, for messages: "namespace-only, prefer, …".</summary>
    public static string List { get; } = string.Join(", ", s_all.Select(entry => entry.Name));

    public static bool TryParse(string name, out ResolutionStrategy strategy)
    {
        foreach (var entry in s_all)
        {
            if (entry.Name == name)
            {
                strategy = entry.Strategy;
                return true;
            }
        }

        strategy = default;
        return false;
    }

    public static string ToName(ResolutionStrategy strategy) => s_all.First(entry => entry.Strategy == strategy).Name;
}
