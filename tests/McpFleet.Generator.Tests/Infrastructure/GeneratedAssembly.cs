using System.Reflection;
using System.Text;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// Generated code compiled as a consumer would compile it (nullable on, documentation checked, every warning reported)
/// and, when it compiles, loaded into a collectible context so tests can run it.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext? _context;

    private GeneratedAssembly(IReadOnlyList<Diagnostic> diagnostics, Assembly? assembly, AssemblyLoadContext? context)
    {
        Diagnostics = diagnostics;
        Assembly = assembly;
        _context = context;
    }

    /// <summary>The compiler's diagnostics above hidden: warnings count, as they do with warnings as errors.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public Assembly? Assembly { get; }

    /// <summary>Compiles <paramref name="sources"/> (and any extra code) and loads the result.</summary>
    public static GeneratedAssembly Compile(IEnumerable<string> sources, params string[] extraSources) => Compile(sources, [], extraSources);

    /// <summary>Compiles with embedded resources, as the package's targets embed the snapshots: (name, text) each.</summary>
    public static GeneratedAssembly Compile(IEnumerable<string> sources, IReadOnlyList<(string Name, string Text)> resources, params string[] extraSources)
    {
        var trees = sources.Concat(extraSources).Select((text, i) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: $"Generated{i}.cs"));
        var compilation = CSharpCompilation.Create(
            "McpFleet.GeneratedTest" + Guid.NewGuid().ToString("N"),
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,

                // As the .NET SDK does: assembly-version unification notices are not warnings in real builds.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(
            image,
            manifestResources: resources.Select(resource => new ResourceDescription(resource.Name, () => new MemoryStream(Encoding.UTF8.GetBytes(resource.Text)), isPublic: true)));
        var diagnostics = emitted.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden).ToList();
        if (!emitted.Success)
        {
            return new GeneratedAssembly(diagnostics, null, null);
        }

        // Load(AssemblyName) returns null, so McpFleet and ModelContextProtocol resolve to the test's own copies and
        // their types are the ones the test uses.
        var context = new AssemblyLoadContext("McpFleet.GeneratedTest", isCollectible: true);
        image.Position = 0;
        return new GeneratedAssembly(diagnostics, context.LoadFromStream(image), context);
    }

    /// <summary>The generated type with the full name <paramref name="name"/>.</summary>
    public Type Type(string name) =>
        Assembly?.GetType(name) ?? throw new Xunit.Sdk.XunitException($"The compiled code has no type '{name}'.");

    public void Dispose() => _context?.Unload();
}
