using McpFleet.Configuration;
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

    [Fact]
    public async Task Resources_of_an_unavailable_or_mistyped_server_say_why_as_its_tools_do()
    {
        var options = TestServers.FastOptions(ServerDefinition.Stdio("weather", "never-started"));
        options.UnavailableServers["files"] = "its ${env:FILES_TOKEN} is not set";
        await using var runtime = new FleetRuntime(options);

        var unavailable = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.ReadResourceAsync("files", "file:///a"));
        var mistyped = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.GetPromptAsync("wheather", "p"));

        Assert.Equal("Server 'files' is unavailable: its ${env:FILES_TOKEN} is not set", unavailable.Message);
        Assert.Equal("Server 'wheather' is not configured in this fleet; configured: weather. Did you mean 'weather'?", mistyped.Message);
    }
}
