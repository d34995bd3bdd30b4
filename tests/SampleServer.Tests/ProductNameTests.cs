using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer.Tests;

/// <summary>
/// <c>--product</c>: instances with their own names report one product name, so that clients can tell replicas of one
/// product from other servers; the instance's name stays in messages and in the journal.
/// </summary>
public sealed class ProductNameTests : IDisposable
{
    // A cold server on a loaded machine can answer the discovery probe after the SDK's 5 s default, and then refuses the
    // client's fallback to initialize; the probe may wait as long as the test would.
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromMinutes(1);

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_instance_reports_its_product_and_keeps_its_own_name_in_the_journal_and_messages()
    {
        var journal = _temp.Combine("journal.jsonl");
        await using ConnectedServer server = await ConnectedServer.StartAsync(
            ServerTransportKind.Stdio, "sample-2", ["--product", "sample", "--version", "1.4.0", "--tools", "echo", "--journal", journal], discoverProbeTimeout: s_probeTimeout);

        await server.Client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: server.CancellationToken);
        var refused = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await server.Client.CallToolAsync("math_calc", cancellationToken: server.CancellationToken));

        Assert.Equivalent(new Implementation { Name = "sample", Version = "1.4.0" }, server.Client.ServerInfo);
        Assert.Equal(["""{"server":"sample-2","tool":"echo"}"""], File.ReadAllLines(journal));
        Assert.Contains("server 'sample-2'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_option_the_instance_name_is_the_product()
    {
        await using ConnectedServer server = await ConnectedServer.StartAsync(ServerTransportKind.Stdio, "sample-3", discoverProbeTimeout: s_probeTimeout);

        Assert.Equal("sample-3", server.Client.ServerInfo?.Name);
    }
}
