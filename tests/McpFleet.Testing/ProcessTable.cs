namespace McpFleet.Testing;

/// <summary>Finds running processes by their command line, to prove that a test's child processes are gone.</summary>
public static class ProcessTable
{
    /// <summary>The ids of running processes whose command line contains <paramref name="marker"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux, where /proc lists command lines.</exception>
    public static IReadOnlyList<int> FindByCommandLine(string marker)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Command lines are read from /proc.");
        }

        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // Arguments are separated by NUL characters.
                if (File.ReadAllText(Path.Join(directory, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }
}
