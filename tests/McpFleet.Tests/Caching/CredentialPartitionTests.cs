using System.Collections.Immutable;
using McpFleet.Caching;
using McpFleet.Configuration;

namespace McpFleet.Tests.Caching;

/// <summary>The credential partition: equal credentials meet, different ones never do, and no secret is in it.</summary>
public sealed class CredentialPartitionTests
{
    private static readonly ServerDefinition s_server = ServerDefinition.Remote("weather", new Uri("http://127.0.0.1:1/mcp"));

    [Fact]
    public async Task The_same_credentials_give_the_same_partition_and_it_is_a_hash()
    {
        var server = WithHeader(s_server, "Authorization", "Bearer secret-one");

        var first = await PartitionAsync(server);
        var second = await PartitionAsync(server with { Weight = 3 });

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.DoesNotContain("secret-one", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Different_headers_environment_values_or_secrets_give_different_partitions()
    {
        var partitions = new[]
        {
            await PartitionAsync(s_server),
            await PartitionAsync(WithHeader(s_server, "Authorization", "Bearer one")),
            await PartitionAsync(WithHeader(s_server, "Authorization", "Bearer two")),
            await PartitionAsync(s_server with { EnvironmentVariables = ImmutableDictionary<string, string>.Empty.Add("API_KEY", "one") }),
            await PartitionAsync(s_server with { Secrets = ["one"] }),
        };

        Assert.Equal(partitions.Length, partitions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Header_names_differing_only_in_case_are_the_same_credential()
    {
        Assert.Equal(
            await PartitionAsync(WithHeader(s_server, "X-Api-Key", "k")),
            await PartitionAsync(WithHeader(s_server, "x-api-key", "k")));
    }

    [Fact]
    public async Task The_token_a_provider_returns_now_partitions_the_cache()
    {
        var user = "alice";
        var server = s_server with { TokenProvider = _ => ValueTask.FromResult($"token-of-{user}") };

        var alice = await PartitionAsync(server);
        var aliceAgain = await PartitionAsync(server);
        user = "bob";
        var bob = await PartitionAsync(server);

        Assert.Equal(alice, aliceAgain);
        Assert.NotEqual(alice, bob);
    }

    [Fact]
    public async Task Replicas_with_the_same_credentials_count_once_and_a_different_one_changes_the_partition()
    {
        var one = WithHeader(s_server, "X-Api-Key", "k");
        var replica = one with { Name = "weather-2", ReplicaOf = "weather" };
        var stranger = WithHeader(replica with { Name = "weather-3" }, "X-Api-Key", "other");

        Assert.Equal(await PartitionAsync(one), await PartitionAsync(one, replica));
        Assert.NotEqual(await PartitionAsync(one), await PartitionAsync(one, replica, stranger));
    }

    [Fact]
    public async Task The_application_partition_key_splits_callers_with_the_same_credentials()
    {
        var tenant = "t1";
        string? Key() => tenant;

        var first = await CredentialPartition.ComputeAsync([s_server], Key, CancellationToken.None);
        tenant = "t2";
        var second = await CredentialPartition.ComputeAsync([s_server], Key, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(await PartitionAsync(s_server), await CredentialPartition.ComputeAsync([s_server], () => null, CancellationToken.None));
    }

    [Fact]
    public async Task Each_OAuth_login_is_an_identity_of_its_own()
    {
        var alice = s_server with { OAuth = new() { ClientId = "app", RedirectUri = new Uri("http://127.0.0.1:1/callback") } };
        var bob = s_server with { OAuth = new() { ClientId = "app", RedirectUri = new Uri("http://127.0.0.1:1/callback") } };

        Assert.Equal(await PartitionAsync(alice), await PartitionAsync(alice));
        Assert.NotEqual(await PartitionAsync(alice), await PartitionAsync(bob));
    }

    private static ValueTask<string> PartitionAsync(params ServerDefinition[] servers) => CredentialPartition.ComputeAsync(servers, partitionKey: null, CancellationToken.None);

    private static ServerDefinition WithHeader(ServerDefinition server, string name, string value) =>
        server with { Headers = ImmutableDictionary<string, string>.Empty.Add(name, value) };
}
