using System.ComponentModel.DataAnnotations;
using McpFleet.Discovery;

namespace McpFleet.Tests.Discovery;

public sealed class EtcdDiscoveryOptionsTests
{
    public static TheoryData<string, Action<EtcdDiscoveryOptions>> InvalidOptions => new()
    {
        { "Endpoint", o => o.Endpoint = null },
        { "Endpoint", o => o.Endpoint = new Uri("ftp://127.0.0.1:2379") },
        { "Endpoint", o => o.Endpoint = new Uri("http://root:hunter2@127.0.0.1:2379") },
        { "Prefix", o => o.Prefix = "" },
        { "HttpClient", o => o.HttpClient = new HttpClient() },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero },
        { "Password", o => o.Username = "root" },
        { "MaxRetryDelay", o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(1) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(string option, Action<EtcdDiscoveryOptions> spoil)
    {
        var options = new EtcdDiscoveryOptions { Endpoint = new Uri("http://127.0.0.1:2379"), Prefix = "/mcp/" };
        spoil(options);

        var error = Assert.Throws<ValidationException>(() => new EtcdDiscovery(options));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
