using McpFleet.Generator.Model;

namespace McpFleet.Generator.Diagnostics;

/// <summary>
/// A place in a snapshot named by what is written there (a tool, a prompt, a resource) rather than by its position.
/// The fleet step reports with anchors so that its output stays equal when an edit only moves lines of a snapshot;
/// a later step, which only reports, turns them into positions.
/// </summary>
/// <param name="FilePath">The snapshot.</param>
/// <param name="Key">The tool's name, or the prompt's name or resource's URI.</param>
/// <param name="CatalogKind">What <paramref name="Key"/> names; <see langword="null"/> for a tool.</param>
internal sealed record SnapshotAnchor(string FilePath, string Key, CatalogItemKind? CatalogKind = null);
