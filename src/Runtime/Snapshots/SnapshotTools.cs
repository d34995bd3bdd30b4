using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace McpFleet.Snapshots;

/// <summary>
/// A server's tool definitions as its snapshot recorded them: what the runtime compares a live server's tools with to
/// detect drift (see <see cref="Drift.DriftOptions"/>). Generated code takes them from the snapshot file that the
/// McpFleet package's MSBuild files embed in the assembly, and reads them when the server joins the fleet: neither
/// compiling the fleet nor loading its types pays for a fleet's worth of JSON.
/// </summary>
public sealed class SnapshotTools
{
    private readonly Lazy<ImmutableArray<JsonElement>> _tools;
    private readonly Func<string?> _findProblem;

    private SnapshotTools(Lazy<ImmutableArray<JsonElement>> tools, Func<string?> findProblem)
    {
        _tools = tools;
        _findProblem = findProblem;
    }

    /// <summary>The tools of a snapshot file embedded in <paramref name="assembly"/>, read on first use.</summary>
    /// <param name="assembly">The assembly holding the resource: the generated code's.</param>
    /// <param name="resourceName">The resource's name; the resource is a snapshot file (or a bare <c>tools/list</c> result).</param>
    public static SnapshotTools FromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        return new(
            new(() => Read(assembly, resourceName)),
            () => assembly.GetManifestResourceInfo(resourceName) is null
                ? $"are missing: assembly '{assembly.GetName().Name}' has no resource '{resourceName}'. The McpFleet package's MSBuild files embed each McpSnapshot item; build with them."
                : null);
    }

    /// <summary>Tools given as JSON text: an array of tool definitions, as a snapshot's <c>tools</c>.</summary>
    /// <param name="toolsJson">The JSON array.</param>
    /// <exception cref="SnapshotFormatException">The text is not a JSON array of objects.</exception>
    public static SnapshotTools FromJson(string toolsJson)
    {
        ArgumentNullException.ThrowIfNull(toolsJson);
        var tools = Parse(toolsJson);
        return new(new(tools), () => null);
    }

    /// <summary>The tool definitions; an embedded snapshot is read by the first caller, once.</summary>
    /// <exception cref="SnapshotFormatException">The embedded snapshot is missing or not a snapshot.</exception>
    internal ImmutableArray<JsonElement> Tools => _tools.Value;

    /// <summary>Why the tools cannot be read, found without reading them (a missing resource), as the end of a sentence.</summary>
    internal string? FindProblem() => _findProblem();

    private static ImmutableArray<JsonElement> Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new SnapshotFormatException($"Assembly '{assembly.GetName().Name}' has no resource '{resourceName}'.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return SnapshotSerializer.Deserialize(bytes, resourceName).Tools;
    }

    private static ImmutableArray<JsonElement> Parse(string toolsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(toolsJson);
            if (document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.EnumerateArray().All(tool => tool.ValueKind == JsonValueKind.Object))
            {
                return [.. document.RootElement.EnumerateArray().Select(tool => tool.Clone())];
            }
        }
        catch (JsonException e)
        {
            throw new SnapshotFormatException($"The snapshot tools are not valid JSON: {e.Message}", e);
        }

        throw new SnapshotFormatException("The snapshot tools are not a JSON array of tool definitions.");
    }
}
