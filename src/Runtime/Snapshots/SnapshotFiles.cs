namespace McpFleet.Snapshots;

/// <summary>Reads and writes snapshot files in a folder.</summary>
public static class SnapshotFiles
{
    /// <summary>
    /// Writes <paramref name="snapshot"/> to <c>&lt;directory&gt;/&lt;name&gt;.snapshot.json</c>. An identical file is left
    /// alone so that builds depending on it stay incremental; otherwise the file is replaced atomically.
    /// </summary>
    /// <returns>The file's path and what was done.</returns>
    public static async Task<(string Path, SnapshotWriteResult Result)> WriteAsync(string directory, ServerSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = Path.Combine(directory, ServerSnapshot.GetFileName(snapshot.Name));
        var bytes = SnapshotSerializer.Serialize(snapshot);
        var exists = File.Exists(path);
        if (exists && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
        {
            return (path, SnapshotWriteResult.Unchanged);
        }

        Directory.CreateDirectory(directory);
        // Write beside the target and move over it, so a crash never leaves half a snapshot behind.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return (path, exists ? SnapshotWriteResult.Updated : SnapshotWriteResult.Created);
    }

    /// <summary>Reads the snapshot file at <paramref name="path"/>.</summary>
    /// <exception cref="SnapshotFormatException">The file is not a snapshot; the message names the file.</exception>
    public static async Task<ServerSnapshot> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var fileName = Path.GetFileName(path);
        var defaultName = fileName.EndsWith(ServerSnapshot.FileSuffix, StringComparison.OrdinalIgnoreCase)
            ? fileName[..^ServerSnapshot.FileSuffix.Length]
            : Path.GetFileNameWithoutExtension(fileName);
        try
        {
            return SnapshotSerializer.Deserialize(bytes, defaultName);
        }
        catch (SnapshotFormatException e)
        {
            throw new SnapshotFormatException($"{path}: {e.Message}", e);
        }
    }
}
