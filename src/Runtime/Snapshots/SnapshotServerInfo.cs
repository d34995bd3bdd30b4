namespace McpFleet.Snapshots;

/// <summary>The identity a server reported about itself when it was captured.</summary>
/// <param name="Name">The server's own name (its <c>serverInfo.name</c>).</param>
/// <param name="Title">Its display title, if it gave one.</param>
/// <param name="Version">Its version, if it gave one.</param>
public sealed record SnapshotServerInfo(string Name, string? Title, string? Version);
