namespace McpFleet.Drift;

/// <summary>How much a change of a tool's definition since its snapshot matters to the code generated from it.</summary>
public enum DriftClass
{
    /// <summary>The generated code keeps working: a new tool, a new optional parameter, a relaxed constraint.</summary>
    Compatible,

    /// <summary>The generated code may fail or be refused: a tool or parameter removed, a type changed, a new required parameter.</summary>
    Breaking,

    /// <summary>The tool now claims riskier behaviour, e.g. read-only became destructive.</summary>
    AnnotationEscalation,

    /// <summary>A description or title changed: what the model reads, and a known tool-poisoning vector.</summary>
    DescriptionChange,
}
