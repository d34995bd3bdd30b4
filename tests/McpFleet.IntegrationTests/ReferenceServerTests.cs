using McpFleet.Configuration;
using McpFleet.IntegrationTests.Generated.Everything;
using McpFleet.IntegrationTests.Generated.Memory;
using McpFleet.Testing;

namespace McpFleet.IntegrationTests;

/// <summary>Typed calls, generated from the committed snapshots, against the third-party reference servers.</summary>
public sealed class ReferenceServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-e2e-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Everything_returns_typed_structured_content_over_stdio()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()));

        var weather = await fleet.Everything.GetStructuredContentAsync(GetStructuredContentLocation.NewYork);

        Assert.Equal(33, weather.Temperature);
        Assert.Equal("Cloudy", weather.Conditions);
        Assert.Equal(82, weather.Humidity);
        Assert.NotNull(weather.RawResult.StructuredContent);
    }

    [Fact]
    public async Task Everything_answers_typed_calls_over_streamable_http()
    {
        var (process, endpoint) = await ReferenceServers.StartEverythingHttpAsync();
        await using var _ = process;
        await using var fleet = Fleets.Create(ServerDefinition.Remote("everything", endpoint, TransportKind.StreamableHttp));

        var weather = await fleet.Everything.GetStructuredContentAsync(GetStructuredContentLocation.LosAngeles);
        var echo = await fleet.Everything.EchoAsync("typed over HTTP");
        var sum = await fleet.Everything.GetSumAsync(2.5, 4);

        Assert.Equal("Sunny / Clear", weather.Conditions);
        Assert.Equal("Echo: typed over HTTP", echo.Text);
        Assert.Contains("6.5", sum.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filesystem_reads_a_file_the_test_wrote()
    {
        var path = Path.Join(_directory, "notes.txt");
        await File.WriteAllTextAsync(path, "first line\nsecond line\nthird line\n");
        await using var fleet = Fleets.Create(Fleets.Stdio("filesystem", ReferenceServers.Filesystem(_directory)));

        var whole = await fleet.Filesystem.ReadTextFileAsync(path);
        var head = await fleet.Filesystem.ReadTextFileAsync(path, head: 1);

        Assert.Equal("first line\nsecond line\nthird line\n", whole.Content);
        Assert.Equal("first line", head.Content);
    }

    [Fact]
    public async Task Filesystem_refuses_a_path_outside_its_allowed_directory_with_a_tool_error()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("filesystem", ReferenceServers.Filesystem(_directory)));

        var error = await Assert.ThrowsAsync<Tools.ToolErrorException>(() => fleet.Filesystem.ReadTextFileAsync("/etc/hostname"));

        Assert.Equal("filesystem", error.ServerName);
        Assert.Equal("read_text_file", error.ToolName);
        Assert.Contains("outside allowed directories", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Memory_stores_entities_and_reads_them_back_as_typed_records()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio(
            "memory", ReferenceServers.Memory(), ReferenceServers.MemoryEnvironment(Path.Join(_directory, "memory.jsonl"))));

        var created = await fleet.Memory.CreateEntitiesAsync(
            [new CreateEntitiesEntitiesItem { Name = "Oslo", EntityType = "city", Observations = ["capital of Norway"] }]);
        var graph = await fleet.Memory.ReadGraphAsync();

        Assert.Equal("Oslo", Assert.Single(created.Entities).Name);
        var oslo = Assert.Single(graph.Entities);
        Assert.Equal("city", oslo.EntityType);
        Assert.Equal(["capital of Norway"], oslo.Observations);
    }
}
