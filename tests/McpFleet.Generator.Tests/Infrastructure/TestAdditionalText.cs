using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>An additional file held in memory; <paramref name="read"/> lets a test make reading fail.</summary>
internal sealed class TestAdditionalText(string path, Func<CancellationToken, SourceText?> read) : AdditionalText
{
    public TestAdditionalText(string path, string text)
        : this(path, _ => SourceText.From(text))
    {
    }

    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => read(cancellationToken);
}
