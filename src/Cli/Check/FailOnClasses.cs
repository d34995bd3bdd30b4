using McpFleet.Drift;

namespace McpFleet.Cli.Check;

/// <summary>The values of <c>--fail-on</c>: the drift classes that make <c>mcpfleet check</c> fail.</summary>
internal static class FailOnClasses
{
    public const string None = "none";

    /// <summary>The classes by their command-line names.</summary>
    public static readonly IReadOnlyDictionary<string, DriftClass> ByName = new Dictionary<string, DriftClass>(StringComparer.Ordinal)
    {
        ["breaking"] = DriftClass.Breaking,
        ["annotation-escalation"] = DriftClass.AnnotationEscalation,
        ["description-change"] = DriftClass.DescriptionChange,
        ["compatible"] = DriftClass.Compatible,
    };

    /// <summary>The default: the classes the runtime blocks by default.</summary>
    public static readonly string[] Default = ["breaking", "annotation-escalation"];

    public static IReadOnlySet<DriftClass> Parse(IEnumerable<string> names) =>
        names.Where(name => name != None).Select(name => ByName[name]).ToHashSet();
}
