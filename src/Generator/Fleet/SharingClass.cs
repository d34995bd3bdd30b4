namespace McpFleet.Generator.Fleet;

/// <summary>How the servers sharing a name relate, from best to worst.</summary>
internal enum SharingClass
{
    /// <summary>Identical definitions and versions: any server can answer.</summary>
    Replicas,

    /// <summary>Compatible differences, or the same definition at different versions.</summary>
    Skew,

    /// <summary>Incompatible definitions: a call written for one can fail on another.</summary>
    Conflict,
}
