namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>--variant</c> names of <see cref="EchoVariant"/>.</summary>
internal static class EchoVariants
{
    private static readonly Dictionary<string, EchoVariant> s_byName = new(StringComparer.Ordinal)
    {
        ["echo-optional-param"] = EchoVariant.OptionalParameter,
        ["echo-required-param"] = EchoVariant.RequiredParameter,
        ["echo-number-message"] = EchoVariant.NumberMessage,
        ["echo-destructive"] = EchoVariant.Destructive,
        ["echo-new-description"] = EchoVariant.NewDescription,
    };

    public static IReadOnlyCollection<string> Names => s_byName.Keys;

    public static EchoVariant Parse(string name) => s_byName[name];
}
