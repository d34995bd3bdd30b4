using McpFleet.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a value: descriptor, location and message arguments. Pipeline models carry these instead of
/// <see cref="Diagnostic"/>, which is not value-equal (see dotnet/roslyn#68291), and report them on their own output.
/// </summary>
/// <param name="Descriptor">What is reported.</param>
/// <param name="Location">Where; <see langword="null"/> for no place in a file, or until <paramref name="Anchor"/> is resolved.</param>
/// <param name="MessageArguments">The message's arguments.</param>
/// <param name="Anchor">Where, by name, for the fleet step (see <see cref="SnapshotAnchor"/>).</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceLocation? Location, EquatableArray<string> MessageArguments, SnapshotAnchor? Anchor = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    public static DiagnosticInfo Anchored(DiagnosticDescriptor descriptor, SnapshotAnchor anchor, params string[] messageArguments) =>
        new(descriptor, null, new EquatableArray<string>(messageArguments), anchor);

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArguments.ToArray<object?>());

    public bool Equals(DiagnosticInfo? other) =>
        other is not null
        && Descriptor.Id == other.Descriptor.Id
        && Equals(Location, other.Location)
        && MessageArguments == other.MessageArguments
        && Equals(Anchor, other.Anchor);

    public override int GetHashCode() =>
        unchecked((((((Descriptor.Id.GetHashCode() * 31) + (Location?.GetHashCode() ?? 0)) * 31) + MessageArguments.GetHashCode()) * 31) + (Anchor?.GetHashCode() ?? 0));
}
