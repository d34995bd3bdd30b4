using System.Runtime.CompilerServices;
using System.Threading.Channels;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFleet.Discovery;

/// <summary>
/// The servers of an <c>mcp.json</c> file (VS Code's <c>servers</c> or the desktop clients' <c>mcpServers</c>), read
/// again whenever the file changes. A file that cannot be used (a partial write, invalid JSON, an invalid entry) is
/// logged and the servers stay as they were; a missing file has no servers.
/// </summary>
public sealed class McpJsonFileDiscovery : IServerDiscovery
{
    private readonly string _path;
    private readonly string _directory;
    private readonly TimeSpan _debounceDelay;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the provider; nothing is read until <see cref="WatchAsync"/>.</summary>
    /// <param name="options">The file; validated here.</param>
    /// <param name="loggerFactory">Receives the provider's logs.</param>
    /// <param name="timeProvider">Times the debounce; the system clock by default.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    public McpJsonFileDiscovery(McpJsonFileDiscoveryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _path = Path.GetFullPath(options.Path);
        _directory = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(_directory))
        {
            throw new DirectoryNotFoundException($"The folder of '{_path}' does not exist.");
        }

        _debounceDelay = options.DebounceDelay;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<McpJsonFileDiscovery>();
    }

    /// <inheritdoc />
    public string Name => $"mcp.json {_path}";

    /// <inheritdoc />
    public IAsyncEnumerable<IReadOnlyList<ServerDefinition>> WatchAsync(CancellationToken cancellationToken) =>
        ServerSets.DistinctChangesAsync(ReadOnChangeAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<IEnumerable<ServerDefinition>> ReadOnChangeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A single slot: "something changed since the last read" is all the loop needs to know.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChange(object sender, FileSystemEventArgs e) => changed.Writer.TryWrite(true);

        // The whole folder, not just the file: editors save by renaming a temporary file over it, and Kubernetes
        // updates a mounted ConfigMap by swapping a symbolic link to a folder, neither of which names the file.
        // Reads that find the same servers yield nothing.
        using var watcher = new FileSystemWatcher(_directory);
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) =>
        {
            // E.g. the event buffer overflowed: changes may have been missed, so read again.
            DiscoveryLog.FileWatchFailed(_logger, _path, e.GetException());
            changed.Writer.TryWrite(true);
        };

        // Watching starts before the first read, so that no change slips in between.
        watcher.EnableRaisingEvents = true;
        while (true)
        {
            if (Read() is { } servers)
            {
                yield return servers;
            }

            await changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(_debounceDelay, _timeProvider, cancellationToken).ConfigureAwait(false);

            // The read that follows sees every change signalled so far.
            changed.Reader.TryRead(out _);
        }
    }

    /// <summary>The file's servers; <see langword="null"/> when it cannot be used.</summary>
    private IReadOnlyList<ServerDefinition>? Read()
    {
        try
        {
            return McpConfiguration.Load(_path).Servers;
        }
        catch (McpConfigurationException e) when (e.InnerException is FileNotFoundException or DirectoryNotFoundException)
        {
            DiscoveryLog.FileMissing(_logger, _path);
            return [];
        }
        catch (McpConfigurationException e)
        {
            // The configuration's messages name fields and variables, never their values.
            DiscoveryLog.FileInvalid(_logger, _path, e.Message);
            return null;
        }
    }
}
