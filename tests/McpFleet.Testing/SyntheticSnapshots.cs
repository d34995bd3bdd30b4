using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace McpFleet.Testing;

/// <summary>
/// Writes deterministic, realistic snapshots for fleet-scale tests and benchmarks: a gateway-sized fleet of servers with
/// many tools each, whose schemas have nested objects, arrays of objects, string enumerations, defaults, formats and
/// descriptions of captured servers' lengths, in the format <c>mcpfleet capture</c> writes. One seed gives the same
/// bytes on every machine (<see cref="Random"/> with a seed is stable across .NET versions).
/// </summary>
/// <remarks>
/// Tool names are unique across the fleet (each server's tools start with its domain), except <c>ping</c>, which every
/// server defines identically: a replica group, so that the checks across servers have one shared tool to compare.
/// </remarks>
public static class SyntheticSnapshots
{
    /// <summary>The seed of the benchmarks' fleet.</summary>
    public const int DefaultSeed = 17;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] s_domains =
    [
        "billing", "inventory", "shipping", "crm", "hr", "payroll", "ledger", "tickets", "wiki", "search",
        "analytics", "storage", "calendar", "mail", "chat", "builds", "deploy", "metrics", "logs", "alerts",
        "catalog", "pricing", "orders", "returns", "tax", "identity", "audit", "vault", "dns", "cdn",
        "queue", "cache", "jobs", "forms", "survey", "maps", "weather", "translate", "media", "docs",
        "legal", "procure", "fleet", "assets", "facility", "travel", "expense", "learning", "support", "notify",
    ];

    private static readonly string[] s_verbs =
    [
        "get", "list", "create", "update", "delete", "search", "archive", "restore", "export", "import",
        "approve", "reject", "assign", "close", "reopen", "sync", "validate", "preview", "publish", "schedule",
    ];

    private static readonly string[] s_nouns =
    [
        "account", "invoice", "line_item", "customer", "contact", "address", "order", "shipment", "package", "label",
        "product", "variant", "warehouse", "bin", "transfer", "employee", "team", "role", "permission", "policy",
        "report", "dashboard", "widget", "query", "dataset", "file", "folder", "share", "comment", "attachment",
        "event", "reminder", "message", "thread", "channel", "webhook", "token", "session", "device", "location",
        "ticket", "incident", "runbook", "pipeline", "artifact", "release", "environment", "secret", "quota", "budget",
    ];

    private static readonly string[] s_words =
    [
        "the", "a", "each", "every", "matching", "current", "selected", "pending", "active", "archived", "record", "records",
        "value", "values", "field", "fields", "page", "result", "results", "filter", "filters", "range", "date", "time",
        "owner", "status", "state", "identifier", "reference", "request", "response", "server", "client", "user", "users",
        "returns", "lists", "creates", "updates", "removes", "checks", "includes", "excludes", "when", "unless", "only",
        "at", "most", "least", "before", "after", "within", "across", "for", "with", "without", "from", "to", "of", "in",
        "tenant", "workspace", "project", "region", "currency", "amount", "total", "limit", "offset", "cursor", "order",
        "ascending", "descending", "visible", "hidden", "default", "optional", "required", "deprecated", "preferred",
    ];

    private static readonly string[] s_enumValues =
    [
        "draft", "open", "pending", "approved", "rejected", "closed", "archived", "low", "medium", "high", "critical",
        "daily", "weekly", "monthly", "yearly", "asc", "desc", "json", "csv", "pdf", "xlsx", "eur", "usd", "gbp", "jpy",
        "public", "private", "internal", "created_at", "updated_at", "name", "size", "in-progress", "on-hold", "done",
    ];

    private static readonly string[] s_formats = ["date-time", "date", "email", "uri", "uuid"];

    /// <summary>The snapshots of a fleet: (file name, JSON text) per server, in order.</summary>
    /// <param name="servers">How many servers, at most 50 distinct domains times any number of rounds.</param>
    /// <param name="toolsPerServer">How many tools each server offers (the shared <c>ping</c> among them).</param>
    /// <param name="seed">The seed; the same seed gives the same snapshots.</param>
    public static IReadOnlyList<(string FileName, string Json)> Create(int servers, int toolsPerServer, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toolsPerServer);
        var snapshots = new List<(string, string)>(servers);
        for (var i = 0; i < servers; i++)
        {
            var name = ServerName(i);
            snapshots.Add(($"{name}.snapshot.json", Server(name, DomainOf(i), toolsPerServer, new Random(unchecked(seed * 7919 + i)))));
        }

        return snapshots;
    }

    /// <summary>Writes the fleet's snapshots into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, int servers, int toolsPerServer, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (fileName, json) in Create(servers, toolsPerServer, seed))
        {
            var path = Path.Join(directory, fileName);
            File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The name of the server at <paramref name="index"/>: its domain, and a round number past the 50th.</summary>
    public static string ServerName(int index) =>
        index < s_domains.Length ? s_domains[index] : $"{s_domains[index % s_domains.Length]}-{index / s_domains.Length + 1}";

    private static string DomainOf(int index) => s_domains[index % s_domains.Length].Replace('-', '_');

    private static string Server(string name, string domain, int toolCount, Random random)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", 1);
            writer.WriteString("name", name);
            writer.WriteStartObject("server");
            writer.WriteString("name", $"{name}-mcp");
            writer.WriteString("version", $"{random.Next(1, 4)}.{random.Next(0, 20)}.{random.Next(0, 10)}");
            writer.WriteEndObject();
            writer.WriteString("protocolVersion", "2025-11-25");
            writer.WriteStartObject("capabilities");
            writer.WriteStartObject("tools");
            writer.WriteBoolean("listChanged", true);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("tools");
            foreach (var toolName in ToolNames(domain, toolCount, random))
            {
                if (toolName == "ping")
                {
                    WritePing(writer);
                }
                else
                {
                    WriteTool(writer, toolName, random);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The server's tool names in ordinal order, as captures sort them: <c>ping</c> and domain-prefixed names in three styles.</summary>
    private static List<string> ToolNames(string domain, int count, Random random)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "ping" };
        while (names.Count < count)
        {
            var verb = Pick(random, s_verbs);
            var noun = Pick(random, s_nouns);
            var words = random.Next(4) == 0 ? [domain, verb, noun, Pick(random, s_nouns)] : new[] { domain, verb, noun };
            names.Add(random.Next(10) switch
            {
                0 => string.Join("-", words).Replace('_', '-'),
                1 => Camel(words),
                _ => string.Join("_", words),
            });
        }

        return [.. names];
    }

    private static void WritePing(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "ping");
        writer.WriteString("title", "Ping");
        writer.WriteString("description", "Checks that the server answers; returns the server's time and version.");
        writer.WriteStartObject("inputSchema");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("annotations");
        writer.WriteBoolean("readOnlyHint", true);
        writer.WriteBoolean("openWorldHint", false);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter writer, string name, Random random)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("title", Title(name));
        writer.WriteString("description", Paragraph(random, random.Next(1, 4)));
        writer.WritePropertyName("inputSchema");
        WriteObjectSchema(writer, random, random.Next(1, 6), depth: 0, isOutput: false);
        writer.WriteStartObject("annotations");
        var readOnly = random.Next(3) == 0;
        writer.WriteBoolean("readOnlyHint", readOnly);
        if (!readOnly)
        {
            writer.WriteBoolean("destructiveHint", random.Next(2) == 0);
            writer.WriteBoolean("idempotentHint", random.Next(2) == 0);
        }

        writer.WriteBoolean("openWorldHint", random.Next(4) == 0);
        writer.WriteEndObject();
        if (random.Next(10) < 6)
        {
            writer.WritePropertyName("outputSchema");
            WriteObjectSchema(writer, random, random.Next(1, 5), depth: 0, isOutput: true);
        }

        writer.WriteEndObject();
    }

    private static void WriteObjectSchema(Utf8JsonWriter writer, Random random, int propertyCount, int depth, bool isOutput)
    {
        writer.WriteStartObject();
        if (depth == 0)
        {
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
        }

        writer.WriteString("type", "object");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        while (names.Count < propertyCount)
        {
            var noun = Pick(random, s_nouns);
            names.Add(random.Next(3) == 0 ? Camel([noun, Pick(random, s_words)]) : noun);
        }

        var required = new List<string>();
        writer.WriteStartObject("properties");
        foreach (var property in names)
        {
            writer.WritePropertyName(property);
            WritePropertySchema(writer, random, depth, isOutput);
            if (random.Next(isOutput ? 4 : 2) != 0)
            {
                required.Add(property);
            }
        }

        writer.WriteEndObject();
        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            foreach (var property in required)
            {
                writer.WriteStringValue(property);
            }

            writer.WriteEndArray();
        }

        if (isOutput && random.Next(2) == 0)
        {
            writer.WriteBoolean("additionalProperties", false);
        }

        writer.WriteEndObject();
    }

    private static void WritePropertySchema(Utf8JsonWriter writer, Random random, int depth, bool isOutput)
    {
        // Nested objects and arrays of objects up to two levels down, as in captured servers' schemas.
        var kind = random.Next(depth < 2 ? 100 : 82);
        if (kind >= 92)
        {
            WriteObjectSchema(writer, random, random.Next(2, 5), depth + 1, isOutput);
            return;
        }

        if (kind >= 82)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "array");
            writer.WriteString("description", Sentence(random));
            writer.WritePropertyName("items");
            WriteObjectSchema(writer, random, random.Next(2, 5), depth + 1, isOutput);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        switch (kind)
        {
            case < 30:
                writer.WriteString("type", "string");
                if (random.Next(4) == 0)
                {
                    writer.WriteString("format", Pick(random, s_formats));
                }
                else if (random.Next(4) == 0)
                {
                    writer.WriteNumber("maxLength", random.Next(16, 4096));
                }

                break;
            case < 42:
                writer.WriteString("type", "string");
                writer.WriteStartArray("enum");
                var values = new SortedSet<string>(StringComparer.Ordinal);
                var count = random.Next(3, 7);
                while (values.Count < count)
                {
                    values.Add(Pick(random, s_enumValues));
                }

                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                if (!isOutput && random.Next(3) == 0)
                {
                    writer.WriteString("default", values.Min);
                }

                break;
            case < 56:
                writer.WriteString("type", "integer");
                writer.WriteNumber("minimum", 0);
                if (random.Next(2) == 0)
                {
                    writer.WriteNumber("maximum", random.Next(10, 10000));
                }

                if (!isOutput && random.Next(3) == 0)
                {
                    writer.WriteNumber("default", random.Next(1, 100));
                }

                break;
            case < 62:
                writer.WriteString("type", "number");
                break;
            case < 70:
                writer.WriteString("type", "boolean");
                if (!isOutput && random.Next(2) == 0)
                {
                    writer.WriteBoolean("default", random.Next(2) == 0);
                }

                break;
            default:
                writer.WriteString("type", "array");
                writer.WriteStartObject("items");
                writer.WriteString("type", random.Next(3) == 0 ? "integer" : "string");
                writer.WriteEndObject();
                if (random.Next(3) == 0)
                {
                    writer.WriteNumber("maxItems", random.Next(5, 500));
                }

                break;
        }

        if (random.Next(10) < 6)
        {
            writer.WriteString("description", Sentence(random));
        }

        writer.WriteEndObject();
    }

    private static string Paragraph(Random random, int sentences) =>
        string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentence(random)));

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(4, 11)).Select(_ => Pick(random, s_words)).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(" ", words) + ".";
    }

    private static string Title(string name)
    {
        var words = name.Replace('-', '_').Split('_');
        return string.Join(" ", words.Select((word, i) => i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word));
    }

    private static string Camel(string[] words)
    {
        var builder = new StringBuilder();
        foreach (var part in words.SelectMany(word => word.Split('_')))
        {
            builder.Append(builder.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        }

        return builder.ToString();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>The total size of the snapshots in bytes, as UTF-8 (for reports).</summary>
    public static long Utf8Size(IEnumerable<(string FileName, string Json)> snapshots) =>
        snapshots.Sum(snapshot => (long)Encoding.UTF8.GetByteCount(snapshot.Json));

    /// <summary>A size for reports: <c>11.7 MB</c>.</summary>
    public static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
