using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>The union of the members' parameters for a merged tool, before the record and its properties are named.</summary>
/// <param name="Properties">The merged properties, in ordinal order of their wire names, with types qualified by the namespace they come from.</param>
/// <param name="Accepted">For each member (in the group's order), the wire names of the arguments its schema accepts.</param>
internal sealed record MergedArguments(IReadOnlyList<PropertySpec> Properties, IReadOnlyList<EquatableArray<string>> Accepted);
