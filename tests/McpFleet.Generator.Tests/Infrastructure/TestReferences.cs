using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// The assemblies generated code is compiled against: the running .NET 10 framework and the test's dependencies
/// (the McpFleet runtime, ModelContextProtocol.Core, Microsoft.Extensions.Logging.Abstractions), all from the trusted
/// platform assemblies of this process, so the compiled code can also be loaded and run here.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_all = new(Load);

    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    private static List<MetadataReference> Load()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))?.Split(Path.PathSeparator)
            ?? throw new InvalidOperationException("The runtime lists no trusted platform assemblies.");
        return paths
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
