using McpFleet.Generator.Model;

namespace McpFleet.Generator.Fleet;

/// <summary>Pairs a server with its place in the fleet, the input of the server's own file.</summary>
internal static class ServerPlacement
{
    /// <summary>The server's model, or <see langword="null"/> when the fleet skipped it (its name was taken).</summary>
    public static ServerModel? Find(ServerSpec server, EquatableArray<FleetServerSpec> placements)
    {
        foreach (var placement in placements)
        {
            if (placement.FilePath == server.FilePath && placement.Name == server.Name)
            {
                return new ServerModel(server, placement);
            }
        }

        return null;
    }
}
