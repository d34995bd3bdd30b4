using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>
/// The packages as a user gets them: <c>./pack.sh</c> run once into a folder feed of this test run, at a version of its
/// own so that no package cache can answer with another build. The tests that consume packages share it, since packing
/// takes minutes on a loaded machine.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>Only against hangs: packing from scratch takes minutes on a loaded 2-core machine.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(12);

    public string Root { get; } = Directory.CreateTempSubdirectory("mcpfleet-feed-").FullName;

    public string Folder => Path.Join(Root, "feed");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public async Task InitializeAsync()
    {
        var pack = await ExternalCommand.RunAsync(
            "bash", [Path.Join(RepositoryPaths.Root, "pack.sh"), Folder, $"-p:Version={Version}"], RepositoryPaths.Root, CommandTimeout, ConsumerEnvironment(Root));
        Assert.True(pack.ExitCode == 0, $"./pack.sh\n{pack}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What a consumer's commands run with: the test's McpFleet packages are restored into a folder of their own under
    /// <paramref name="work"/>, everything else from the machine's package cache; the compiler server is not left running.
    /// </summary>
    public static Dictionary<string, string> ConsumerEnvironment(string work)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new Dictionary<string, string>
        {
            ["RestorePackagesPath"] = Path.Join(work, "packages"),
            ["RestoreAdditionalProjectFallbackFolders"] = packages,
            ["UseSharedCompilation"] = "false",
        };
    }
}

/// <summary>The tests that consume the packed packages, one at a time, over one feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedConsumers : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
