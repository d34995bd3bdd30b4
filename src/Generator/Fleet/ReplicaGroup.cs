namespace McpFleet.Generator.Fleet;

/// <summary>
/// One logical server: the servers that report one product name (<c>server.name</c> in their snapshots), together
/// with the servers declared replicas of them (<c>replicaOf</c>). Only the servers of one group are interchangeable;
/// servers of different groups are different products, whatever their tools look like.
/// </summary>
internal sealed class ReplicaGroup
{
    public ReplicaGroup(IReadOnlyList<string> products, IReadOnlyList<string> servers, bool isDeclared)
    {
        Products = products;
        Servers = servers;
        IsDeclared = isDeclared;
    }

    /// <summary>The product names its servers report, in ordinal order; empty when none reports one.</summary>
    public IReadOnlyList<string> Products { get; }

    /// <summary>Its servers' names in the fleet, in ordinal order.</summary>
    public IReadOnlyList<string> Servers { get; }

    /// <summary>Whether a <c>replicaOf</c> declaration joined servers into it.</summary>
    public bool IsDeclared { get; }

    /// <summary>
    /// The group's name in the report and in docs: its product name, the product names joined by <c>+</c> for a
    /// declared group of several, or the server's own name when it reports none.
    /// </summary>
    public string Label => Products.Count == 0 ? Servers[0] : string.Join(" + ", Products);

    /// <summary>The group in messages: <c>product 'sample'</c>, <c>products 'a' and 'b' (declared replicas)</c>.</summary>
    public string Describe() => Products.Count switch
    {
        0 => $"'{Servers[0]}' (which reports no product name)",
        1 => $"product '{Products[0]}'",
        _ => $"products {ConflictText.List(Products.Select(p => $"'{p}'").ToList())} (declared replicas)",
    };
}
