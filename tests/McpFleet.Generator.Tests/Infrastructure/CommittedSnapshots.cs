using McpFleet.Testing;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>The committed snapshots the generator is tested against.</summary>
internal static class CommittedSnapshots
{
    /// <summary>
    /// Case name (the server's name) and path of every committed snapshot. alpha, beta and gamma are the sample server as
    /// the demo ran it before it became a fleet of replicas, kept here so the demo can change without moving the golden files.
    /// </summary>
    public static IReadOnlyList<(string Name, string Path)> All { get; } =
    [
        ("everything", Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "everything.snapshot.json")),
        ("filesystem", Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "filesystem.snapshot.json")),
        ("memory", Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "memory.snapshot.json")),
        ("sample", Path.Join(RepositoryPaths.Root, "schemas", "snapshots", "sample.snapshot.json")),
        ("alpha", Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Snapshots", "alpha.snapshot.json")),
        ("beta", Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Snapshots", "beta.snapshot.json")),
        ("gamma", Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Snapshots", "gamma.snapshot.json")),
        ("typing", Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Typing", "typing.snapshot.json")),
    ];

    public static IEnumerable<object[]> Names => All.Select(snapshot => new object[] { snapshot.Name });

    public static string PathOf(string name) => All.Single(snapshot => snapshot.Name == name).Path;

    /// <summary>The snapshot as a generator input, under a machine-independent path so that diagnostics are comparable.</summary>
    public static SnapshotInput Input(string name) =>
        new($"/snapshots/{name}.snapshot.json", File.ReadAllText(PathOf(name)));

    public static IReadOnlyList<SnapshotInput> AllInputs() => All.Select(snapshot => Input(snapshot.Name)).ToList();
}
