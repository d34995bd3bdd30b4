using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace McpFleet.Snapshots;

/// <summary>
/// What one server offered when it was captured: its identity, protocol revision, capabilities and its tools,
/// resources, resource templates and prompts exactly as they came over the wire. Written by
/// <see cref="SnapshotSerializer"/> as a deterministic, committed <c>&lt;name&gt;.snapshot.json</c> file.
/// </summary>
public sealed class ServerSnapshot
{
    /// <summary>The snapshot format this version of McpFleet writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The suffix of snapshot file names.</summary>
    public const string FileSuffix = ".snapshot.json";

    /// <summary>The fleet's name for the server (its key in <c>mcp.json</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What the server said about itself; <see langword="null"/> for a bare <c>tools/list</c> result.</summary>
    public SnapshotServerInfo? Server { get; init; }

    /// <summary>The protocol revision negotiated at capture.</summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>The server's capabilities, as negotiated at capture.</summary>
    public JsonElement? Capabilities { get; init; }

    /// <summary>The instructions the server gives to clients, if any.</summary>
    public string? Instructions { get; init; }

    /// <summary>The <c>tools/list</c> entries.</summary>
    public ImmutableArray<JsonElement> Tools { get; init; } = [];

    /// <summary>The <c>resources/list</c> entries.</summary>
    public ImmutableArray<JsonElement> Resources { get; init; } = [];

    /// <summary>The <c>resources/templates/list</c> entries.</summary>
    public ImmutableArray<JsonElement> ResourceTemplates { get; init; } = [];

    /// <summary>The <c>prompts/list</c> entries.</summary>
    public ImmutableArray<JsonElement> Prompts { get; init; } = [];

    /// <summary>
    /// The snapshot file name for a server: <c>&lt;name&gt;.snapshot.json</c>, with characters that are not safe in
    /// file names on every system replaced by <c>-</c>.
    /// </summary>
    public static string GetFileName(string serverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        var safe = new StringBuilder(serverName.Length + FileSuffix.Length);
        foreach (var c in serverName)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return safe.Append(FileSuffix).ToString();
    }
}
