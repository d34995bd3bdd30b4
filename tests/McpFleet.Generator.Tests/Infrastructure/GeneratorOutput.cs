using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>What one generator run produced: sources by hint name, diagnostics, and any exception.</summary>
internal sealed class GeneratorOutput(GeneratorRunResult result)
{
    public GeneratorRunResult Result { get; } = result;

    public IReadOnlyDictionary<string, string> Sources { get; } =
        result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = result.Diagnostics;

    /// <summary>The one source whose hint name is <paramref name="hintName"/>, with a helpful failure otherwise.</summary>
    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var source)
            ? source
            : throw new Xunit.Sdk.XunitException($"No source '{hintName}' was generated; generated: {string.Join(", ", Sources.Keys)}.");

    /// <summary>The diagnostics with <paramref name="id"/>.</summary>
    public IReadOnlyList<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id).ToList();

    /// <summary>Fails when the generator threw, which the compiler would report as CS8785.</summary>
    public GeneratorOutput AssertNoException()
    {
        Assert.True(Result.Exception is null, $"The generator threw: {Result.Exception}");
        return this;
    }
}
