using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Roots are deprecated from revision 2026-07-28 on; they are what these servers use.

namespace McpFleet.Tests.ClientFeatures;

/// <summary>The application's roots, fleet-wide or per server, with <c>roots/list_changed</c> when they change.</summary>
public sealed class RootsTests
{
    private static readonly Root s_docs = new() { Uri = "file:///srv/docs", Name = "docs" };
    private static readonly Root s_code = new() { Uri = "file:///srv/code", Name = "code" };

    [Fact]
    public async Task Everything_lists_the_fleet_roots_and_hears_when_they_change()
    {
        var logs = new LogRecorder();
        await using var runtime = ClientFleets.Runtime(features => features.Roots.Roots.Add(s_docs), logs, ClientFleets.Everything());

        var before = await ClientFleets.CallAsync(runtime, "everything", "get-roots-list");
        await runtime.SetRootsAsync([s_docs, s_code]);
        // server-everything asks for the roots again when told they changed, and logs what it got.
        await logs.WaitForAsync(entry => entry.Category == "McpFleet.Servers.everything" && entry.Message.Contains("Roots updated: 2 root(s)", StringComparison.Ordinal), "the server to fetch the new roots");
        var after = await ClientFleets.CallAsync(runtime, "everything", "get-roots-list");

        Assert.Contains("(1 total)", before.Text, StringComparison.Ordinal);
        Assert.Contains("URI: file:///srv/docs", before.Text, StringComparison.Ordinal);
        Assert.Contains("(2 total)", after.Text, StringComparison.Ordinal);
        Assert.Contains("URI: file:///srv/code", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_with_roots_of_its_own_gets_them_until_they_are_removed()
    {
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Roots.Roots.Add(s_docs);
                features.Roots.Servers["alpha"] = [s_code];
            },
            null,
            ClientFleets.Sample("alpha", "list_roots"),
            ClientFleets.Sample("beta", "list_roots"));

        var alpha = await ClientFleets.CallAsync(runtime, "alpha", "list_roots");
        var beta = await ClientFleets.CallAsync(runtime, "beta", "list_roots");
        await runtime.SetRootsAsync("alpha", null);
        var alphaAfter = await ClientFleets.CallAsync(runtime, "alpha", "list_roots");

        Assert.Equal("""{"roots":[{"uri":"file:///srv/code","name":"code"}]}""", alpha.StructuredContent!.Value.GetRawText());
        Assert.Equal("""{"roots":[{"uri":"file:///srv/docs","name":"docs"}]}""", beta.StructuredContent!.Value.GetRawText());
        Assert.Equal("""{"roots":[{"uri":"file:///srv/docs","name":"docs"}]}""", alphaAfter.StructuredContent!.Value.GetRawText());
    }

    [Fact]
    public async Task A_root_that_is_not_a_file_uri_is_refused()
    {
        await using var runtime = ClientFleets.Runtime(_ => { }, null, ClientFleets.Sample("alpha", "list_roots"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runtime.SetRootsAsync([new Root { Uri = "https://example.com/" }]));

        Assert.StartsWith("Every root needs a file:// URI; 'https://example.com/' is not one.", error.Message, StringComparison.Ordinal);
    }
}
