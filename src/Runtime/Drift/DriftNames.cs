namespace McpFleet.Drift;

/// <summary>The words for drift classes, actions and check triggers in messages, and their metric tag values.</summary>
internal static class DriftNames
{
    public static string Describe(DriftClass driftClass) => driftClass switch
    {
        DriftClass.Compatible => "compatible",
        DriftClass.AnnotationEscalation => "annotation escalation",
        DriftClass.DescriptionChange => "description change",
        _ => "breaking",
    };

    public static string Tag(DriftClass driftClass) => Describe(driftClass).Replace(' ', '_');

    public static string Tag(DriftAction action) => action switch
    {
        DriftAction.Allow => "allow",
        DriftAction.Warn => "warn",
        _ => "block",
    };

    public static string Tag(DriftCheckTrigger trigger) => trigger switch
    {
        DriftCheckTrigger.Session => "session",
        DriftCheckTrigger.ListChanged => "list_changed",
        DriftCheckTrigger.Periodic => "periodic",
        _ => "destructive_call",
    };
}
