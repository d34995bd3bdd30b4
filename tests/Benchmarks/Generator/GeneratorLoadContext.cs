using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace McpFleet.Benchmarks.Generator;

/// <summary>
/// Loads a build of the McpFleet generator from its dll, so that one bench can compare two builds (this one and, say,
/// main's): the generator comes from the path, Roslyn from the bench, as a compiler host shares its own with analyzers.
/// </summary>
internal sealed class GeneratorLoadContext(string generatorPath) : AssemblyLoadContext("McpFleet.Generator under test")
{
    /// <summary>The generator in <paramref name="path"/>: the one <see cref="IIncrementalGenerator"/> its assembly defines.</summary>
    public static IIncrementalGenerator Load(string path)
    {
        var assembly = new GeneratorLoadContext(Path.GetFullPath(path)).LoadFromAssemblyPath(Path.GetFullPath(path));
        var type = assembly.GetTypes().Single(t => t is { IsAbstract: false } && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name == Path.GetFileNameWithoutExtension(generatorPath) ? LoadFromAssemblyPath(generatorPath) : null;
}
