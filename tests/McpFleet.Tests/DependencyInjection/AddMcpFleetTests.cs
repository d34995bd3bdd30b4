using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.DependencyInjection;
using McpFleet.Drift;
using McpFleet.Routing;
using McpFleet.SampleServer.Launching;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpFleet.Tests.DependencyInjection;

/// <summary><c>services.AddMcpFleet&lt;TFleet&gt;(…)</c> builds a generated fleet from configuration.</summary>
public sealed class AddMcpFleetTests
{
    [Fact]
    public async Task Builds_the_fleet_from_configuration_and_code()
    {
        var (command, arguments) = SampleServerProcess.StdioCommand("alpha");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpFleet:CallTimeout"] = "00:00:20",
            ["McpFleet:Connection:MaxConcurrentCalls"] = "4",
            ["McpFleet:Health:FailureThreshold"] = "5",
            ["McpFleet:Routing:Strategy"] = "least-outstanding",
            ["McpFleet:Routing:Tools:alpha/echo"] = "consistent-hash:message",
            ["McpFleet:Servers:alpha:Command"] = command,
            ["McpFleet:Servers:alpha:Args:0"] = arguments[0],
            ["McpFleet:Servers:alpha:Args:1"] = arguments[1],
            ["McpFleet:Servers:alpha:Args:2"] = arguments[2],
            ["McpFleet:Servers:alpha:Weight"] = "3",
            ["McpFleet:Servers:alpha:Tags:0"] = "eu",
        }).Build();
        var services = new ServiceCollection().AddMcpFleet<HandWrittenFleet>(configuration.GetSection("McpFleet"), options => options.DrainTimeout = TimeSpan.FromSeconds(2));

        await using var provider = services.BuildServiceProvider();
        var fleet = provider.GetRequiredService<HandWrittenFleet>();
        var echo = await fleet.Runtime.CallToolAsync<EchoArguments, TextToolResult>(SampleTools.Echo("alpha"), new("from DI"));

        Assert.Same(fleet, provider.GetRequiredService<HandWrittenFleet>());
        Assert.Equal("from DI", echo.Text);
        Assert.Equal("least-outstanding", fleet.Fleet.RoutingStrategy.Name);
        Assert.Equal("consistent-hash", fleet.Fleet.GetRoutingStrategy("alpha/echo").Name);
        var status = Assert.Single(fleet.Fleet.GetServerStatuses());
        Assert.Equal(3, status.Weight);
        Assert.Equal(["eu"], status.Tags);
    }

    [Fact]
    public async Task Invalid_configuration_is_reported_when_the_fleet_is_resolved()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CallTimeout"] = "soon" }).Build();
        await using var provider = new ServiceCollection().AddMcpFleet<HandWrittenFleet>(configuration).BuildServiceProvider();

        var error = Assert.Throws<ValidationException>(provider.GetRequiredService<HandWrittenFleet>);

        Assert.Equal("'CallTimeout' must be a time span such as 00:00:30; it is 'soon'.", error.Message);
    }

    [Fact]
    public async Task A_relative_McpJson_is_read_from_the_host_content_root()
    {
        var contentRoot = Directory.CreateTempSubdirectory("mcpfleet-content-root-").FullName;
        try
        {
            var (command, arguments) = SampleServerProcess.StdioCommand("alpha");
            Directory.CreateDirectory(Path.Join(contentRoot, "config"));
            await File.WriteAllTextAsync(
                Path.Join(contentRoot, "config", "mcp.json"),
                $$"""{ "servers": { "alpha": { "command": {{JsonSerializer.Serialize(command)}}, "args": {{JsonSerializer.Serialize(arguments)}} } } }""");
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["McpFleet:McpJson"] = "config/mcp.json" });
            builder.Services.AddMcpFleet<HandWrittenFleet>(builder.Configuration.GetSection("McpFleet"));
            using var host = builder.Build();

            await host.StartAsync();
            var fleet = host.Services.GetRequiredService<HandWrittenFleet>();

            Assert.NotEqual(Path.TrimEndingDirectorySeparator(contentRoot), Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()));
            Assert.Equal(["alpha"], Assert.IsType<FleetRuntime>(fleet.Runtime).ServerNames);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task A_fleet_missing_a_server_stops_the_host_at_start_before_anything_resolves_it()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMcpFleet<HandWrittenFleet>(builder.Configuration.GetSection("McpFleet"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The fleet's typed proxies need server 'alpha', which is not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_McpJson_stops_the_host_at_start_naming_the_file()
    {
        var contentRoot = Directory.CreateTempSubdirectory("mcpfleet-content-root-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["McpFleet:McpJson"] = "mcp.json" });
            builder.Services.AddMcpFleet<HandWrittenFleet>(builder.Configuration.GetSection("McpFleet"));
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<McpConfigurationException>(() => host.StartAsync());

            Assert.StartsWith($"{Path.Join(contentRoot, "mcp.json")}: cannot read the configuration", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void Reads_the_inherited_environment_the_message_limits_and_the_relisting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connection:MaxMessageSize"] = "1048576",
            ["Servers:named:Command"] = "a",
            ["Servers:named:InheritEnv:0"] = "JAVA_HOME",
            ["Servers:named:MaxMessageSize"] = "65536",
            ["Servers:whole:Command"] = "b",
            ["Servers:whole:InheritEnv"] = "true",
            ["Drift:Relist"] = "always",
            ["Drift:RelistInterval"] = "00:02:00",
            ["Drift:DestructiveCallMaxCheckAge"] = "00:00:30",
            ["Drift:Servers:whole:Relist"] = "Never",
        }).Build();
        var options = new FleetOptions();

        FleetConfigurationReader.Read(configuration, options);

        Assert.Equal(1_048_576, options.Connection.MaxMessageSize);
        var named = options.Servers.Single(s => s.Name == "named");
        Assert.Equal(["JAVA_HOME"], named.InheritedEnvironmentVariables.AsEnumerable());
        Assert.False(named.InheritEnvironment);
        Assert.Equal(65_536, named.MaxMessageSize);
        var whole = options.Servers.Single(s => s.Name == "whole");
        Assert.True(whole.InheritEnvironment);
        Assert.Empty(whole.InheritedEnvironmentVariables);
        Assert.Equal(RelistMode.Always, options.Drift.Relist);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Drift.RelistInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Drift.DestructiveCallMaxCheckAge);
        Assert.Equal(RelistMode.Never, options.Drift.Servers["whole"].Relist);
    }

    /// <summary>What the generator emits for a fleet, reduced to what dependency injection uses.</summary>
    private sealed class HandWrittenFleet(IFleetRuntime runtime) : IFleet<HandWrittenFleet>
    {
        public static FleetManifest Manifest { get; } = new([SampleTools.Server("alpha")]);

        public IFleetRuntime Runtime { get; } = runtime;

        public FleetRuntime Fleet => (FleetRuntime)Runtime;

        public static HandWrittenFleet Create(IFleetRuntime runtime) => new(runtime);

        public ValueTask DisposeAsync() => Runtime.DisposeAsync();
    }
}
