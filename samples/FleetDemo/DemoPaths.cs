/// <summary>Where the demo keeps its files: beside its project, wherever it is run from.</summary>
internal static class DemoPaths
{
    public static string SnapshotDirectory { get; } = Path.Combine(FindProjectDirectory(), "snapshots");

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetDemo.csproj")))
            {
                return directory.FullName;
            }
        }

        // Run from a published copy: keep the snapshots beside the executable.
        return AppContext.BaseDirectory;
    }
}
