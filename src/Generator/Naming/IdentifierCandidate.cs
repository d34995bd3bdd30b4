namespace McpFleet.Generator.Naming;

/// <summary>A C# identifier made from a wire name, and why it is not the plain conversion, if it is not.</summary>
/// <param name="Name">A valid C# identifier.</param>
/// <param name="ChangeReason">Why the identifier had to be changed beyond case and punctuation, e.g. a leading digit.</param>
internal sealed record IdentifierCandidate(string Name, string? ChangeReason);
