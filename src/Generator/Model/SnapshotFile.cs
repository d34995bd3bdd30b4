using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>A snapshot file as read from the compilation's additional files, with its McpFleet metadata.</summary>
/// <param name="Path">The file's path, used only for diagnostics.</param>
/// <param name="Text">The file's text; <see langword="null"/> when it could not be read.</param>
/// <param name="ServerNameOverride">The <c>McpFleetServerName</c> metadata: replaces the snapshot's server name.</param>
/// <param name="NamespaceOverride">The <c>McpFleetNamespace</c> metadata: the namespace of this server's types.</param>
/// <param name="PriorityText">The <c>McpFleetPriority</c> metadata: the server's priority for the <c>priority</c> strategy.</param>
/// <param name="ReadFailure">Why <paramref name="Text"/> is missing.</param>
/// <param name="ResourceName">The <c>McpFleetResource</c> metadata: the resource the build embeds the file as.</param>
/// <param name="IncludeTools">The <c>McpFleetIncludeTools</c> metadata: the tools to generate proxies for, unparsed.</param>
/// <param name="ExcludeTools">The <c>McpFleetExcludeTools</c> metadata: the tools to generate no proxies for, unparsed.</param>
/// <param name="ReplicaOf">The <c>McpFleetReplicaOf</c> metadata: the server of the fleet this one is a replica of.</param>
internal sealed record SnapshotFile(
    string Path,
    string? Text,
    string? ServerNameOverride,
    string? NamespaceOverride,
    string? PriorityText,
    DiagnosticInfo? ReadFailure,
    string? ResourceName,
    string? IncludeTools,
    string? ExcludeTools,
    string? ReplicaOf);
