using Microsoft.Extensions.Logging;

namespace McpFleet.Discovery;

/// <summary>
/// The discovery providers' log messages (source-generated, event ids from 100). They name sources, files, keys and
/// servers, never values: an entry's headers and environment are secrets, and so is what an invalid entry holds.
/// </summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(100, LogLevel.Warning, "Discovery source '{Source}' failed (attempt {Attempt}); retrying in {Delay}.")]
    public static partial void SourceFailed(ILogger logger, string source, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(101, LogLevel.Warning, "Discovery source '{Source}' skipped the entry '{Key}': {Reason}")]
    public static partial void EntrySkipped(ILogger logger, string source, string key, string reason);

    [LoggerMessage(102, LogLevel.Warning, "'{Path}' cannot be used, so its servers stay as they were: {Reason}")]
    public static partial void FileInvalid(ILogger logger, string path, string reason);

    [LoggerMessage(103, LogLevel.Warning, "'{Path}' does not exist, so it has no servers.")]
    public static partial void FileMissing(ILogger logger, string path);

    [LoggerMessage(104, LogLevel.Warning, "Watching the folder of '{Path}' failed; reading the file again.")]
    public static partial void FileWatchFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "The watch of discovery source '{Source}' ended ({Reason}); listing again.")]
    public static partial void WatchEnded(ILogger logger, string source, string reason);
}
