using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Parsing;

/// <summary>Collects the diagnostics of one snapshot file, located at the JSON nodes they concern.</summary>
internal sealed class SnapshotDiagnostics
{
    private readonly List<DiagnosticInfo> _diagnostics = [];

    public SnapshotDiagnostics(string filePath)
    {
        FilePath = filePath;
        FileName = Path.GetFileName(filePath);
    }

    public string FilePath { get; }

    /// <summary>The file's name, for messages: the location already carries the full path.</summary>
    public string FileName { get; }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] messageArguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, messageArguments));

    public void Add(DiagnosticInfo diagnostic) => _diagnostics.Add(diagnostic);

    public SourceLocation At(JsonNode node) => new(FilePath, node.Span, node.LineSpan);

    public SourceLocation AtName(JsonProperty property) => new(FilePath, property.NameSpan, property.NameLineSpan);

    public SourceLocation AtStart() => SourceLocation.StartOf(FilePath);

    /// <summary>Reports a part of the snapshot that does not have the shape the format requires, and what is skipped.</summary>
    public void WrongShape(SourceLocation location, string path, string expected, string skipped) =>
        Add(DiagnosticDescriptors.InvalidSnapshotShape, location, FileName, path, expected, skipped);

    /// <summary>Reports a generated name that is not the plain conversion of its wire name, and why.</summary>
    /// <param name="location">Where the wire name is.</param>
    /// <param name="subject">What is named, e.g. "tool 'get_item'".</param>
    /// <param name="name">The generated name.</param>
    /// <param name="wanted">The name it would have had, when it was taken.</param>
    /// <param name="takenBy">Who has <paramref name="wanted"/>; <see langword="null"/> when it was free.</param>
    /// <param name="changeReason">Why the wire name could not be converted as is; <see langword="null"/> when it could.</param>
    public void ReportRename(SourceLocation location, string subject, string name, string wanted, string? takenBy, string? changeReason)
    {
        var reasons = new List<string>(2);
        if (changeReason is not null)
        {
            reasons.Add(changeReason);
        }

        if (takenBy is not null)
        {
            reasons.Add($"'{wanted}' is already used by {takenBy}");
        }

        if (reasons.Count > 0)
        {
            Add(DiagnosticDescriptors.IdentifierRenamed, location, subject, name, string.Join(" and ", reasons));
        }
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _diagnostics.ToEquatableArray();
}
