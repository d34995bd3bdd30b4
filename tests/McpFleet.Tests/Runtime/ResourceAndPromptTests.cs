using McpFleet.Tests.ClientFeatures;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Runtime;

/// <summary>Untyped resources and prompts, by server, through the fleet.</summary>
public sealed class ResourceAndPromptTests
{
    [Fact]
    public async Task A_resource_and_a_prompt_of_everything_are_read_by_server()
    {
        await using var runtime = ClientFleets.Runtime(_ => { }, null, ClientFleets.Everything());

        var resource = await runtime.ReadResourceAsync("everything", "demo://resource/static/document/architecture.md");
        var prompt = await runtime.GetPromptAsync("everything", "args-prompt", new Dictionary<string, string> { ["city"] = "Oslo" });

        var contents = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents));
        Assert.Equal("demo://resource/static/document/architecture.md", contents.Uri);
        Assert.Contains("#", contents.Text, StringComparison.Ordinal);
        Assert.Equal("What's weather in Oslo?", Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text);
    }

    [Fact]
    public async Task A_server_refusal_names_the_server_and_an_unknown_server_is_an_error()
    {
        await using var runtime = ClientFleets.Runtime(_ => { }, null, ClientFleets.Everything());

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => runtime.GetPromptAsync("everything", "no-such-prompt"));
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.ReadResourceAsync("nowhere", "demo://x"));

        Assert.StartsWith("Server 'everything' could not get prompt 'no-such-prompt': ", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Server 'nowhere' is not configured in this fleet; configured: everything.", unknown.Message);
    }
}
