namespace McpFleet.Drift;

/// <summary>The drift policy of one server, resolved from <see cref="DriftOptions"/> and its override.</summary>
internal sealed record DriftPolicy(
    DriftAction Compatible, DriftAction Breaking, DriftAction AnnotationEscalation, DriftAction DescriptionChange, DriftBlockScope BlockScope)
{
    public DriftAction ActionFor(DriftClass driftClass) => driftClass switch
    {
        DriftClass.Compatible => Compatible,
        DriftClass.Breaking => Breaking,
        DriftClass.AnnotationEscalation => AnnotationEscalation,
        _ => DescriptionChange,
    };
}
