namespace McpFleet.Drift;

/// <summary>One difference between a tool's snapshot and its live definition.</summary>
/// <param name="ToolName">The tool's wire name.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Detail">One line for people, e.g. <c>parameter 'message': type string → number</c>. It names tools,
/// parameters, types and hints, never description text.</param>
public sealed record DriftChange(string ToolName, DriftChangeKind Kind, string Detail)
{
    /// <summary>The class of the change, which the policy maps to an action.</summary>
    public DriftClass Class => ClassOf(Kind);

    /// <summary>The class of a kind of change.</summary>
    public static DriftClass ClassOf(DriftChangeKind kind) => kind switch
    {
        DriftChangeKind.ToolAdded
            or DriftChangeKind.OptionalParameterAdded
            or DriftChangeKind.ParameterBecameOptional
            or DriftChangeKind.OutputSchemaAdded
            or DriftChangeKind.AnnotationChanged => DriftClass.Compatible,
        DriftChangeKind.AnnotationEscalated => DriftClass.AnnotationEscalation,
        DriftChangeKind.DescriptionChanged
            or DriftChangeKind.ParameterDescriptionChanged
            or DriftChangeKind.TitleChanged => DriftClass.DescriptionChange,
        _ => DriftClass.Breaking,
    };

    /// <inheritdoc />
    public override string ToString() => $"{ToolName}: {Detail}";
}
