namespace McpFleet.Tests.Discovery;

/// <summary>One etcd shared by the tests that only read and write keys; each of them works under a prefix of its own.</summary>
public sealed class EtcdFixture : IAsyncLifetime
{
    internal EtcdServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await EtcdServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
