using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

public class ServerInfoResourceTests
{
    [Theory]
    [InlineData(ServerTransportKind.Stdio, "stdio")]
    [InlineData(ServerTransportKind.Http, "http")]
    [InlineData(ServerTransportKind.Sse, "sse")]
    [InlineData(ServerTransportKind.WebSocket, "ws")]
    public async Task Server_info_describes_the_instance(ServerTransportKind transport, string transportName)
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            transport, "gamma", ["--version", "2.5.0", "--tools", "math_calc", "echo", "list_files"]);

        IList<McpClientResource> resources = await server.Client.ListResourcesAsync(cancellationToken: server.CancellationToken);
        ReadResourceResult result = await server.Client.ReadResourceAsync("server://info", cancellationToken: server.CancellationToken);

        McpClientResource listed = Assert.Single(resources);
        Assert.Equal(("server://info", "application/json"), (listed.Uri, listed.MimeType));
        TextResourceContents contents = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("application/json", contents.MimeType);
        Assert.Equal(
            $$"""{"name":"gamma","version":"2.5.0","transport":"{{transportName}}","tools":["echo","list_files","math_calc"]}""",
            JsonSerializer.Serialize(JsonDocument.Parse(contents.Text).RootElement));
    }
}
