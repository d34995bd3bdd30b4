using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>An additional file of a test compilation, with the McpFleet metadata an <c>McpSnapshot</c> item gets.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Text">The file's text (ignored when <paramref name="File"/> is set).</param>
/// <param name="IsSnapshot">Whether the item is marked as a snapshot (<c>McpFleetSnapshot=true</c>).</param>
/// <param name="ServerName">The <c>McpFleetServerName</c> metadata.</param>
/// <param name="Namespace">The <c>McpFleetNamespace</c> metadata.</param>
/// <param name="File">A custom additional file, e.g. one that cannot be read.</param>
/// <param name="IsPolicy">Whether the item is marked as the conflict policy (<c>McpFleetPolicy=true</c>).</param>
/// <param name="Priority">The <c>McpFleetPriority</c> metadata.</param>
/// <param name="IsEmbedded">Whether the package's targets embed the snapshot (<c>McpFleetResource</c> metadata and the resource).</param>
/// <param name="IncludeTools">The <c>McpFleetIncludeTools</c> metadata, as the targets pass it (<c>|</c> between entries).</param>
/// <param name="ExcludeTools">The <c>McpFleetExcludeTools</c> metadata, in the same form.</param>
/// <param name="ReplicaOf">The <c>McpFleetReplicaOf</c> metadata.</param>
internal sealed record SnapshotInput(
    string Path,
    string Text,
    bool IsSnapshot = true,
    string? ServerName = null,
    string? Namespace = null,
    AdditionalText? File = null,
    bool IsPolicy = false,
    string? Priority = null,
    bool IsEmbedded = true,
    string? IncludeTools = null,
    string? ExcludeTools = null,
    string? ReplicaOf = null)
{
    /// <summary>A policy file (<c>mcpfleet.json</c>) with <paramref name="json"/> as its text.</summary>
    public static SnapshotInput Policy(string json, string path = "/project/mcpfleet.json") => new(path, json, IsSnapshot: false, IsPolicy: true);

    /// <summary>The resource the package's targets would embed the snapshot as (they name it after its path in the project).</summary>
    public string? ResourceName => IsSnapshot && IsEmbedded ? "McpFleet/" + System.IO.Path.GetFileName(Path) : null;

    public AdditionalText ToAdditionalText() => File ?? new TestAdditionalText(Path, Text);

    /// <summary>The input with its additional file created once, so that a driver can later replace that very file.</summary>
    public SnapshotInput WithFixedFile() => this with { File = ToAdditionalText() };
}
