namespace McpFleet.Drift;

/// <summary>What the runtime does about a class of drift.</summary>
public enum DriftAction
{
    /// <summary>Nothing beyond the <see cref="FleetRuntime.DriftDetected"/> event and a debug log.</summary>
    Allow,

    /// <summary>Calls go on; the change is logged as a warning and raises <see cref="FleetRuntime.DriftDetected"/>.</summary>
    Warn,

    /// <summary>Calls of the affected tools (or of the whole server, see <see cref="DriftBlockScope"/>) are refused with
    /// a <see cref="Tools.ToolBlockedException"/>; the rest of the fleet keeps working.</summary>
    Block,
}
