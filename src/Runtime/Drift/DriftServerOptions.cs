namespace McpFleet.Drift;

/// <summary>A server's own drift policy: each value set here overrides the fleet's <see cref="DriftOptions"/>.</summary>
public sealed class DriftServerOptions
{
    /// <summary>The action for compatible changes, or <see langword="null"/> for the fleet's.</summary>
    public DriftAction? Compatible { get; set; }

    /// <summary>The action for breaking changes, or <see langword="null"/> for the fleet's.</summary>
    public DriftAction? Breaking { get; set; }

    /// <summary>The action for annotation escalations, or <see langword="null"/> for the fleet's.</summary>
    public DriftAction? AnnotationEscalation { get; set; }

    /// <summary>The action for changed descriptions and titles, or <see langword="null"/> for the fleet's.</summary>
    public DriftAction? DescriptionChange { get; set; }

    /// <summary>What a block refuses, or <see langword="null"/> for the fleet's.</summary>
    public DriftBlockScope? BlockScope { get; set; }

    /// <summary>Whether the server is listed every <see cref="DriftOptions.RelistInterval"/>, or <see langword="null"/> for the fleet's.</summary>
    public RelistMode? Relist { get; set; }
}
