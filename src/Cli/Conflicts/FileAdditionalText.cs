using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Cli.Conflicts;

/// <summary>A file handed to the generator as the compiler would hand it an AdditionalFiles item.</summary>
internal sealed class FileAdditionalText(string path) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8);
}
