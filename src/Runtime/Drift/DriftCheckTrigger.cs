namespace McpFleet.Drift;

/// <summary>Why a server's tools were listed and compared with its snapshot.</summary>
internal enum DriftCheckTrigger
{
    /// <summary>A session opened.</summary>
    Session,

    /// <summary>The server said its tool list changed.</summary>
    ListChanged,

    /// <summary>The re-list interval passed.</summary>
    Periodic,

    /// <summary>A destructive tool was about to be called on a verdict older than allowed.</summary>
    DestructiveCall,
}
