using McpFleet.Testing;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// The snapshot sets under <c>Conflicts/</c>, copies of the committed sample snapshot edited to collide: <c>replicas</c>
/// (two instances), <c>skew</c> (1.0.0 and 1.1.0 with compatible changes), <c>conflict</c> (1.0.0 and 2.0.0 with
/// incompatible changes) and <c>unrelated</c> (the sample and a notes server sharing two tool names).
/// </summary>
internal static class ConflictSets
{
    public static string Folder(string set) => Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Conflicts", set);

    /// <summary>The set's snapshots as generator inputs, under machine-independent paths, in ordinal order of their files.</summary>
    public static List<SnapshotInput> Inputs(string set) =>
        Directory.GetFiles(Folder(set), "*.snapshot.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new SnapshotInput($"/snapshots/{Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();

    /// <summary>The set's snapshots plus a policy file.</summary>
    public static List<SnapshotInput> WithPolicy(string set, string policyJson) => [.. Inputs(set), SnapshotInput.Policy(policyJson)];
}
