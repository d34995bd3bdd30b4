namespace McpFleet.Caching;

/// <summary>What identifies a cached tool list: the server, and the credential partition when the server said the list
/// is private (<see cref="PublicPartition"/> otherwise).</summary>
internal readonly record struct ToolListCacheKey(string Server, string Partition)
{
    /// <summary>The partition of lists the server marked public: shared by every caller.</summary>
    public const string PublicPartition = "";
}
