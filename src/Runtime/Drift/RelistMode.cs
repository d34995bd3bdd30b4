namespace McpFleet.Drift;

/// <summary>Which servers the runtime lists again every <see cref="DriftOptions.RelistInterval"/>, to see tool changes
/// that no <c>notifications/tools/list_changed</c> announced.</summary>
public enum RelistMode
{
    /// <summary>Servers whose snapshot says their tool list can change (<c>capabilities.tools.listChanged</c>).</summary>
    WhenToolsCanChange,

    /// <summary>Every server with snapshot tools: a server that claims a fixed tool list is checked too.</summary>
    Always,

    /// <summary>None: changes are seen when sessions open and when servers announce them.</summary>
    Never,
}
