namespace McpFleet.Cli.Repl;

/// <summary>The REPL's verbs.</summary>
internal static class ReplVerbs
{
    /// <summary>
    /// Every verb, sorted by name. They are found rather than listed so that adding a verb stays a one-file change:
    /// a class deriving from <see cref="ReplVerb"/>, with a parameterless constructor.
    /// </summary>
    public static IReadOnlyList<ReplVerb> All { get; } =
    [
        .. typeof(ReplVerb).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ReplVerb)) && !type.IsAbstract)
            .Select(type => (ReplVerb)Activator.CreateInstance(type)!)
            .OrderBy(verb => verb.Name, StringComparer.Ordinal),
    ];

    /// <summary>The verb run by <paramref name="word"/>, its name or an alias.</summary>
    public static ReplVerb? Find(string word) =>
        All.FirstOrDefault(verb => verb.Name == word || verb.Aliases.Contains(word, StringComparer.Ordinal));

    /// <summary>Every word that runs a verb, sorted.</summary>
    public static IEnumerable<string> Words => All.SelectMany(verb => verb.Aliases.Prepend(verb.Name)).Order(StringComparer.Ordinal);
}
