namespace McpFleet.Generator.Fleet;

/// <summary>One way two servers' definitions of a shared name differ, in words that name both servers.</summary>
/// <param name="IsConflict">Whether a caller written for one definition can fail against the other (else it is skew).</param>
/// <param name="Text">E.g. <c>parameter 'query': string on 'alpha' 1.0.0, integer on 'beta' 2.0.0</c>.</param>
internal sealed record Difference(bool IsConflict, string Text);
