namespace McpFleet.Benchmarks.ConsumerBuild;

/// <summary>A folder for consumer projects outside the repository, built as a user's would be.</summary>
internal static class ConsumerFolder
{
    /// <summary>Creates <paramref name="directory"/> with empty MSBuild files that stop the search for
    /// <c>Directory.Build.*</c> files above the temporary folder.</summary>
    public static void Create(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Join(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Join(directory, "Directory.Build.targets"), "<Project />");
    }
}
