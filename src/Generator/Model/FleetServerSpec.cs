namespace McpFleet.Generator.Model;

/// <summary>Where a server's code goes in the fleet; unique per server.</summary>
/// <param name="FilePath">The server's snapshot, which identifies it.</param>
/// <param name="Name">The fleet's name for the server.</param>
/// <param name="Identifier">The server's C# name, unique in the fleet: the hint name and default namespace use it.</param>
/// <param name="Namespace">The namespace of the server's types.</param>
/// <param name="ClassName">The proxy class's name.</param>
/// <param name="PropertyName">The fleet class's property for the server.</param>
internal sealed record FleetServerSpec(string FilePath, string Name, string Identifier, string Namespace, string ClassName, string PropertyName)
{
    public string HintName => $"McpFleet.{Identifier}.g.cs";
}
