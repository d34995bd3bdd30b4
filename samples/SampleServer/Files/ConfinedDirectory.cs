namespace McpFleet.SampleServer.Files;

/// <summary>A root directory that paths must stay inside, even through <c>..</c> and symbolic links.</summary>
internal sealed class ConfinedDirectory(string root)
{
    // Linux gives up (ELOOP) after 40 links; so do we, which also ends link cycles.
    private const int MaxLinkHops = 40;

    /// <summary>The root, absolute and with every symbolic link resolved.</summary>
    public string FullPath { get; } = ResolveLinks(Path.GetFullPath(root), hops: 0);

    /// <summary>Resolves <paramref name="path"/> (relative to the root, or absolute) to a real directory inside the root.</summary>
    /// <exception cref="UnauthorizedAccessException">The path, or a symbolic link on it, leads outside the root.</exception>
    /// <exception cref="DirectoryNotFoundException">The path is inside the root but is not a directory.</exception>
    public string ResolveDirectory(string path)
    {
        // GetFullPath collapses ".." lexically, so an escape is caught before the file system is consulted.
        var lexical = Path.GetFullPath(path, FullPath);
        if (!Contains(lexical))
        {
            throw new UnauthorizedAccessException($"Path '{path}' is outside the root directory.");
        }

        var real = ResolveLinks(lexical, hops: 0);
        if (!Contains(real))
        {
            throw new UnauthorizedAccessException($"Path '{path}' leads through a symbolic link to outside the root directory.");
        }

        return Directory.Exists(real) ? real : throw new DirectoryNotFoundException($"'{path}' is not a directory in the root directory.");
    }

    /// <summary>The path of <paramref name="fullPath"/> relative to the root, with '/' separators; "." for the root itself.</summary>
    public string GetRelativePath(string fullPath) =>
        Path.GetRelativePath(FullPath, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private bool Contains(string fullPath)
    {
        // GetRelativePath compares with the platform's case sensitivity, unlike a plain StartsWith.
        var relative = Path.GetRelativePath(FullPath, fullPath);
        return !Path.IsPathRooted(relative)
            && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Follows every symbolic link on <paramref name="fullPath"/>, component by component, as realpath(3) does.</summary>
    private static string ResolveLinks(string fullPath, int hops)
    {
        fullPath = Path.TrimEndingDirectorySeparator(fullPath);
        if (Path.GetDirectoryName(fullPath) is not { } parent)
        {
            return fullPath;
        }

        var resolvedParent = ResolveLinks(parent, hops);
        var resolved = Path.Join(resolvedParent, Path.GetFileName(fullPath));
        if (new FileInfo(resolved).LinkTarget is not { } target)
        {
            return resolved;
        }

        if (hops == MaxLinkHops)
        {
            throw new IOException($"Too many levels of symbolic links at '{resolved}'.");
        }

        // A relative link target is relative to the directory holding the link.
        return ResolveLinks(Path.GetFullPath(target, resolvedParent), hops + 1);
    }
}
