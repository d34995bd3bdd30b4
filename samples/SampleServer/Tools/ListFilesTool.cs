using System.ComponentModel;
using McpFleet.SampleServer.Files;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>list_files</c> tool: lists a directory inside the server's root directory.</summary>
internal sealed class ListFilesTool(ConfinedDirectory root)
{
    public McpServerTool Create() => McpServerTool.Create(List, new McpServerToolCreateOptions
    {
        Name = ToolNames.ListFiles,
        Title = "List files",
        Description = "Lists the files and directories in a directory under the server's root directory, sorted by name. " +
            "Paths that leave the root, directly or through symbolic links, are refused.",
        ReadOnly = true,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    internal Listing List(
        [Description("The directory to list, relative to the root directory ('.' for the root itself).")]
        string path = ".")
    {
        try
        {
            var directory = root.ResolveDirectory(path);
            Entry[] entries =
            [
                .. new DirectoryInfo(directory).EnumerateFileSystemInfos()
                    .Select(ToEntry)
                    .OrderBy(entry => entry.Name, StringComparer.Ordinal),
            ];
            return new Listing(root.GetRelativePath(directory), entries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // McpException's message reaches the caller as a tool error; other exceptions' messages are hidden.
            throw new McpException(exception.Message, exception);
        }
    }

    private static Entry ToEntry(FileSystemInfo info) => info switch
    {
        DirectoryInfo => new Entry(info.Name, Entry.DirectoryKind),
        FileInfo { Exists: true } file => new Entry(info.Name, Entry.FileKind, file.Length),
        // A dangling symbolic link has no size to report.
        _ => new Entry(info.Name, Entry.FileKind),
    };

    /// <param name="Path">The listed directory, relative to the root directory.</param>
    /// <param name="Entries">Its files and directories, sorted ordinally by name.</param>
    internal sealed record Listing(string Path, IReadOnlyList<Entry> Entries);

    /// <param name="Name">The file or directory name.</param>
    /// <param name="Kind">"file" or "directory".</param>
    /// <param name="Size">The size of a file in bytes; absent (and so optional in the output schema) for directories.</param>
    internal sealed record Entry(string Name, string Kind, long? Size = null)
    {
        public const string FileKind = "file";
        public const string DirectoryKind = "directory";
    }
}
