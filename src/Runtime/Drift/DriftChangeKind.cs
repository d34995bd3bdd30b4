namespace McpFleet.Drift;

/// <summary>What changed in a tool's definition between its snapshot and the live server.</summary>
public enum DriftChangeKind
{
    /// <summary>The server offers a tool its snapshot lacks. Compatible: typed methods never call it.</summary>
    ToolAdded,

    /// <summary>A tool of the snapshot is gone. Breaking.</summary>
    ToolRemoved,

    /// <summary>A new parameter that callers may leave out. Compatible.</summary>
    OptionalParameterAdded,

    /// <summary>A new parameter that callers must pass; the generated code does not. Breaking.</summary>
    RequiredParameterAdded,

    /// <summary>A parameter the generated code may send is gone. Breaking.</summary>
    ParameterRemoved,

    /// <summary>A parameter's <c>type</c> changed. Breaking.</summary>
    ParameterTypeChanged,

    /// <summary>Another keyword of a parameter's schema changed (allowed values, format, items, default…). Breaking,
    /// conservatively: the generated type may no longer match.</summary>
    ParameterSchemaChanged,

    /// <summary>An optional parameter became required. Breaking.</summary>
    ParameterBecameRequired,

    /// <summary>A required parameter became optional. Compatible.</summary>
    ParameterBecameOptional,

    /// <summary>A keyword of the input schema itself changed (e.g. <c>additionalProperties</c>). Breaking.</summary>
    InputSchemaChanged,

    /// <summary>The tool now declares an output schema; the generated code reads its text result. Compatible.</summary>
    OutputSchemaAdded,

    /// <summary>The output schema changed or was removed; the generated result type reads the old shape. Breaking.</summary>
    OutputSchemaChanged,

    /// <summary>A behaviour hint became riskier: read-only → not, idempotent → not, non-destructive → destructive,
    /// closed-world → open-world (after the protocol's defaults). Annotation escalation.</summary>
    AnnotationEscalated,

    /// <summary>The annotations changed in a way that claims no riskier behaviour. Compatible.</summary>
    AnnotationChanged,

    /// <summary>The tool's description (or a description in its output schema) changed. Description change.</summary>
    DescriptionChanged,

    /// <summary>A parameter's description changed. Description change.</summary>
    ParameterDescriptionChanged,

    /// <summary>The tool's title (or its annotations' title) changed. Description change.</summary>
    TitleChanged,
}
