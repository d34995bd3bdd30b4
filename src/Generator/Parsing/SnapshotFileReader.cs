using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpFleet.Generator.Parsing;

/// <summary>Picks the snapshots out of the additional files and reads their text and metadata.</summary>
internal static class SnapshotFileReader
{
    /// <summary>The snapshot file, or <see langword="null"/> when the additional file is not a snapshot.</summary>
    public static SnapshotFile? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var metadata = options.GetOptions(file);
        if (!metadata.TryGetValue(MetadataNames.IsSnapshot, out var isSnapshot)
            || !string.Equals(isSnapshot.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var serverName = OptionValues.ValueOrNull(metadata, MetadataNames.ServerName);
        var serverNamespace = OptionValues.ValueOrNull(metadata, MetadataNames.ServerNamespace);
        var priority = OptionValues.ValueOrNull(metadata, MetadataNames.ServerPriority);
        var replicaOf = OptionValues.ValueOrNull(metadata, MetadataNames.ReplicaOf);
        var resource = OptionValues.ValueOrNull(metadata, MetadataNames.SnapshotResource);
        var include = OptionValues.ValueOrNull(metadata, MetadataNames.IncludeTools);
        var exclude = OptionValues.ValueOrNull(metadata, MetadataNames.ExcludeTools);
        try
        {
            var text = file.GetText(cancellationToken)?.ToString();
            var failure = text is null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.SnapshotUnreadable, SourceLocation.StartOf(file.Path), Path.GetFileName(file.Path))
                : null;
            return new SnapshotFile(file.Path, text, serverName, serverNamespace, priority, failure, resource, include, exclude, replicaOf);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A host's AdditionalText may throw (e.g. an I/O error); it must cost this snapshot only, not the build.
            return new SnapshotFile(file.Path, null, serverName, serverNamespace, priority, InternalErrors.Create(file.Path, e), resource, include, exclude, replicaOf);
        }
    }
}
