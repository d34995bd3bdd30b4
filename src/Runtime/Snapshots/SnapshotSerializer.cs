using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace McpFleet.Snapshots;

/// <summary>
/// Reads and writes snapshot files. Writing is deterministic, so capturing the same server twice gives the same
/// bytes: a fixed property order, entries sorted ordinally (tools and prompts by name, resources by URI, templates by
/// URI template), two-space indentation, <c>\n</c> line endings, UTF-8 without BOM and a final newline.
/// </summary>
public static class SnapshotSerializer
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Descriptions stay readable in diffs: only what JSON requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 256 };

    /// <summary>Writes <paramref name="snapshot"/> in the canonical form.</summary>
    public static byte[] Serialize(ServerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", ServerSnapshot.CurrentFormatVersion);
            writer.WriteString("name", snapshot.Name);
            if (snapshot.Server is { } server)
            {
                writer.WriteStartObject("server");
                writer.WriteString("name", server.Name);
                WriteOptional(writer, "title", server.Title);
                WriteOptional(writer, "version", server.Version);
                writer.WriteEndObject();
            }

            WriteOptional(writer, "protocolVersion", snapshot.ProtocolVersion);
            if (snapshot.Capabilities is { } capabilities)
            {
                writer.WritePropertyName("capabilities");
                capabilities.WriteTo(writer);
            }

            WriteOptional(writer, "instructions", snapshot.Instructions);
            WriteEntries(writer, "tools", snapshot.Tools, "name", "name", always: true);
            WriteEntries(writer, "resources", snapshot.Resources, "uri", "name", always: false);
            WriteEntries(writer, "resourceTemplates", snapshot.ResourceTemplates, "uriTemplate", "name", always: false);
            WriteEntries(writer, "prompts", snapshot.Prompts, "name", "name", always: false);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a snapshot file, or a bare <c>tools/list</c> result (<c>{"tools": […]}</c>) as any MCP client can save.
    /// </summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="defaultName">The server name to use when the file does not name one, e.g. from the file name.</param>
    /// <exception cref="SnapshotFormatException">The file is not JSON, not a snapshot, or of an unknown format version.</exception>
    public static ServerSnapshot Deserialize(ReadOnlyMemory<byte> utf8Json, string defaultName)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, s_documentOptions);
        }
        catch (JsonException e)
        {
            throw new SnapshotFormatException($"Invalid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SnapshotFormatException("A snapshot must be a JSON object.");
            }

            if (root.TryGetProperty("formatVersion", out var version)
                && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number == ServerSnapshot.CurrentFormatVersion))
            {
                throw new SnapshotFormatException(
                    $"Unsupported snapshot format version {version.GetRawText()}; this version of McpFleet reads version {ServerSnapshot.CurrentFormatVersion}.");
            }

            return new ServerSnapshot
            {
                Name = GetString(root, "name") ?? defaultName,
                Server = root.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.Object && GetString(server, "name") is { } serverName
                    ? new SnapshotServerInfo(serverName, GetString(server, "title"), GetString(server, "version"))
                    : null,
                ProtocolVersion = GetString(root, "protocolVersion"),
                Capabilities = root.TryGetProperty("capabilities", out var capabilities) ? capabilities.Clone() : null,
                Instructions = GetString(root, "instructions"),
                Tools = ReadEntries(root, "tools", required: true),
                Resources = ReadEntries(root, "resources", required: false),
                ResourceTemplates = ReadEntries(root, "resourceTemplates", required: false),
                Prompts = ReadEntries(root, "prompts", required: false),
            };
        }
    }

    private static void WriteEntries(Utf8JsonWriter writer, string property, ImmutableArray<JsonElement> entries, string key, string tieBreaker, bool always)
    {
        if (entries.IsDefaultOrEmpty && !always)
        {
            return;
        }

        writer.WriteStartArray(property);
        // OrderBy is stable: entries equal on both keys keep the server's order.
        foreach (var entry in (entries.IsDefault ? [] : entries).OrderBy(e => GetString(e, key), StringComparer.Ordinal).ThenBy(e => GetString(e, tieBreaker), StringComparer.Ordinal))
        {
            entry.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private static ImmutableArray<JsonElement> ReadEntries(JsonElement root, string property, bool required)
    {
        if (!root.TryGetProperty(property, out var array))
        {
            return required ? throw new SnapshotFormatException($"A snapshot needs a \"{property}\" array.") : [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new SnapshotFormatException($"\"{property}\" must be an array.");
        }

        var index = 0;
        var entries = ImmutableArray.CreateBuilder<JsonElement>(array.GetArrayLength());
        foreach (var entry in array.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new SnapshotFormatException($"\"{property}[{index}]\" must be an object.");
            }

            entries.Add(entry.Clone());
            index++;
        }

        return entries.MoveToImmutable();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
