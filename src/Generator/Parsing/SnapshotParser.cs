using System.Globalization;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Reads one snapshot file (format version 1, or a bare <c>tools/list</c> result) into a <see cref="ServerSpec"/> and
/// its diagnostics. It never throws: a snapshot it cannot use yields diagnostics and no server.
/// </summary>
internal static class SnapshotParser
{
    private const string WholeSnapshot = "the snapshot";

    private static readonly string[] s_serverFields = ["name", "title", "version"];
    private static readonly string[] s_snapshotSuffixes = [".snapshot.json", ".json"];

    public static ParsedSnapshot Parse(SnapshotFile file, FleetSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new SnapshotDiagnostics(file.Path);
        try
        {
            var server = ParseServer(file, settings, diagnostics, cancellationToken);
            return new ParsedSnapshot(server, diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must cost this snapshot only: the rest of the fleet still generates.
            diagnostics.Add(InternalErrors.Create(file.Path, e));
            return new ParsedSnapshot(null, diagnostics.ToEquatableArray());
        }
    }

    private static ServerSpec? ParseServer(SnapshotFile file, FleetSettings settings, SnapshotDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        if (file.Text is null)
        {
            if (file.ReadFailure is { } failure)
            {
                diagnostics.Add(failure);
            }

            return null;
        }

        var parsed = JsonParser.Parse(file.Text);
        if (parsed.Error is { } error)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidJson, new SourceLocation(file.Path, error.Span, error.LineSpan), diagnostics.FileName, error.Message);
            return null;
        }

        if (parsed.Root is not JsonObject root)
        {
            diagnostics.WrongShape(diagnostics.At(parsed.Root!), "the top-level value", "a JSON object", WholeSnapshot);
            return null;
        }

        if (!HasSupportedFormat(root, diagnostics)
            || !TryGetTools(root, diagnostics, out var tools)
            || !TryGetString(root, "name", diagnostics, out var nameNode, nonEmpty: true)
            || !TryGetString(root, "protocolVersion", diagnostics, out var protocolVersion, nonEmpty: false)
            || !TryGetImplementation(root, diagnostics, out var implementation, out var version, out var product))
        {
            return null;
        }

        var serverName = file.ServerNameOverride ?? nameNode?.Value ?? NameFromPath(file.Path);
        var nameLocation = file.ServerNameOverride is null && nameNode is not null ? diagnostics.At(nameNode) : diagnostics.AtStart();
        var candidate = Identifiers.ToPascal(serverName, "Server");
        diagnostics.ReportRename(nameLocation, $"server '{serverName}'", candidate.Name, candidate.Name, null, candidate.ChangeReason);

        // "weather-server" gives WeatherServer, not WeatherServerServer.
        var className = candidate.Name.EndsWith("Server", StringComparison.Ordinal) ? candidate.Name : candidate.Name + "Server";
        var namespaceOverride = CheckNamespaceOverride(file.NamespaceOverride, $"{settings.Namespace}.{candidate.Name}", $"{settings.Namespace}.{settings.TypeName}", diagnostics);

        // Tools left out by the item's IncludeTools and ExcludeTools get no code; the runtime still calls them by name,
        // and its drift check reads the whole snapshot.
        var definitions = ReadToolDefinitions(tools, diagnostics, cancellationToken);
        var selection = ToolSelection.Create(file.IncludeTools, file.ExcludeTools);
        selection.ReportUnmatched(definitions.Select(definition => definition.WireName).ToList(), diagnostics);
        var selected = definitions.Where(definition => selection.Selects(definition.WireName)).ToList();
        var toolSpecs = ToolSpecBuilder.Build(selected, serverName, className, diagnostics, file.Text);
        return new ServerSpec(
            file.Path,
            serverName,
            candidate.Name,
            className,
            namespaceOverride,
            protocolVersion?.Value,
            implementation,
            nameLocation,
            toolSpecs,
            version?.Value,
            version is null ? nameLocation : diagnostics.At(version),
            ReadPriority(file.PriorityText, diagnostics),
            CatalogReader.Read(root, diagnostics),
            file.ResourceName,
            product,
            file.ReplicaOf,
            ToolsCanChange(root));
    }

    /// <summary>Whether <c>capabilities.tools.listChanged</c> is <c>true</c>; any other shape means no.</summary>
    private static bool ToolsCanChange(JsonObject root) =>
        root.GetValueOrNull("capabilities") is JsonObject capabilities
        && capabilities.GetValueOrNull("tools") is JsonObject tools
        && tools.GetValueOrNull("listChanged") is JsonBoolean { Value: true };

    /// <summary>The <c>Priority</c> metadata as a number; anything else is reported and ignored.</summary>
    private static double? ReadPriority(string? text, SnapshotDiagnostics diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var priority) && !double.IsNaN(priority) && !double.IsInfinity(priority))
        {
            return priority;
        }

        diagnostics.Add(
            DiagnosticDescriptors.InvalidPolicy,
            diagnostics.AtStart(),
            $"from the Priority metadata of snapshot '{diagnostics.FileName}'",
            $"the priority '{text}' is not a number",
            "the server has no priority");
        return null;
    }

    private static bool HasSupportedFormat(JsonObject root, SnapshotDiagnostics diagnostics)
    {
        // A bare tools/list result has no formatVersion.
        switch (root.GetValueOrNull("formatVersion"))
        {
            case null:
                return true;
            case JsonNumber number when number.HasValue(1):
                return true;
            case JsonNumber number:
                diagnostics.Add(DiagnosticDescriptors.UnsupportedFormatVersion, diagnostics.At(number), diagnostics.FileName, number.Text);
                return false;
            case var other:
                diagnostics.WrongShape(diagnostics.At(other), "formatVersion", "a number", WholeSnapshot);
                return false;
        }
    }

    private static bool TryGetTools(JsonObject root, SnapshotDiagnostics diagnostics, out JsonArray tools)
    {
        var node = root.GetValueOrNull("tools");
        tools = node as JsonArray ?? new JsonArray([], default, default);
        if (node is JsonArray)
        {
            return true;
        }

        diagnostics.WrongShape(diagnostics.At(node ?? root), "tools", "an array of tool definitions", WholeSnapshot);
        return false;
    }

    private static bool TryGetString(JsonObject obj, string name, SnapshotDiagnostics diagnostics, out JsonString? value, bool nonEmpty)
    {
        var node = obj.GetValueOrNull(name);
        value = node as JsonString;
        if (node is null || (value is not null && (!nonEmpty || value.Value.Length > 0)))
        {
            return true;
        }

        diagnostics.WrongShape(diagnostics.At(node), name, nonEmpty ? "a non-empty string" : "a string", WholeSnapshot);
        return false;
    }

    /// <summary>
    /// What the server said it is (<c>server</c>: title or name, and version), for documentation, and its product name
    /// and version, which the comparison across servers uses.
    /// </summary>
    private static bool TryGetImplementation(JsonObject root, SnapshotDiagnostics diagnostics, out string? implementation, out JsonString? version, out string? product)
    {
        implementation = null;
        version = null;
        product = null;
        var node = root.GetValueOrNull("server");
        if (node is null)
        {
            return true;
        }

        if (node is not JsonObject server)
        {
            diagnostics.WrongShape(diagnostics.At(node), "server", "a JSON object", WholeSnapshot);
            return false;
        }

        foreach (var field in s_serverFields)
        {
            if (server.GetValueOrNull(field) is { } value and not JsonString)
            {
                diagnostics.WrongShape(diagnostics.At(value), JsonPaths.Member("server", field), "a string", WholeSnapshot);
                return false;
            }
        }

        var displayName = (server.GetValueOrNull("title") as JsonString)?.Value ?? (server.GetValueOrNull("name") as JsonString)?.Value;
        version = server.GetValueOrNull("version") as JsonString;
        product = (server.GetValueOrNull("name") as JsonString)?.Value is { Length: > 0 } name ? name : null;
        implementation = displayName is null ? null : version is null ? displayName : $"{displayName} {version.Value}";
        return true;
    }

    private static string? CheckNamespaceOverride(string? value, string replacement, string fleetClass, SnapshotDiagnostics diagnostics)
    {
        if (value is not null && (value == fleetClass || value.StartsWith(fleetClass + ".", StringComparison.Ordinal)))
        {
            // A namespace named like the fleet class would define that name twice (CS0101).
            diagnostics.Add(DiagnosticDescriptors.NamespaceIsFleetClass, diagnostics.AtStart(), value, fleetClass, replacement);
            return null;
        }

        if (value is null || Identifiers.IsValidNamespace(value))
        {
            return value;
        }

        diagnostics.Add(
            DiagnosticDescriptors.InvalidConfiguredName,
            diagnostics.AtStart(),
            "the Namespace metadata of its McpSnapshot item",
            value,
            "namespace",
            replacement,
            "dot-separated C# identifiers, e.g. 'MyApp.Weather'");
        return null;
    }

    /// <summary>The checked tools, without duplicates (the first definition wins), in ordinal order of their names.</summary>
    private static List<ToolDefinition> ReadToolDefinitions(JsonArray tools, SnapshotDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        var definitions = new List<ToolDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var definition = ToolDefinitionReader.Read(tools.Items[i], JsonPaths.Index("tools", i), diagnostics);
            if (definition is null)
            {
                continue;
            }

            if (!names.Add(definition.WireName))
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateToolName, diagnostics.At(definition.NameNode), diagnostics.FileName, definition.WireName);
                continue;
            }

            definitions.Add(definition);
        }

        return definitions.OrderBy(definition => definition.WireName, StringComparer.Ordinal).ToList();
    }

    /// <summary>A bare tools/list result is named after its file: <c>weather.snapshot.json</c> or <c>weather.json</c> is <c>weather</c>.</summary>
    private static string NameFromPath(string path)
    {
        var fileName = Path.GetFileName(path);
        foreach (var suffix in s_snapshotSuffixes)
        {
            if (fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return fileName.Substring(0, fileName.Length - suffix.Length);
            }
        }

        return Path.GetFileNameWithoutExtension(fileName);
    }
}
