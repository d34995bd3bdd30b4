using System.Collections.Immutable;
using McpFleet.Configuration;
using McpFleet.IntegrationTests.Generated;
using McpFleet.SampleServer.Launching;

namespace McpFleet.IntegrationTests;

/// <summary>Builds the generated <see cref="TestFleet"/> over the few servers a test needs.</summary>
internal static class Fleets
{
    public static TestFleet Create(params ServerDefinition[] servers) => Create(_ => { }, servers);

    public static TestFleet Create(Action<FleetOptions> configure, params ServerDefinition[] servers)
    {
        var options = new FleetOptions { AllowUnconfiguredServers = true };
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        configure(options);
        return TestFleet.Create(options);
    }

    public static ServerDefinition SampleStdio(string name, params string[] args)
    {
        var (command, arguments) = SampleServerProcess.StdioCommand(name, args);
        return ServerDefinition.Stdio(name, command, arguments);
    }

    public static ServerDefinition Stdio(string name, (string Command, string[] Arguments) command, IReadOnlyDictionary<string, string>? environment = null) =>
        environment is null
            ? ServerDefinition.Stdio(name, command.Command, command.Arguments)
            : new ServerDefinition
            {
                Name = name,
                Transport = TransportKind.Stdio,
                Command = command.Command,
                Arguments = [.. command.Arguments],
                EnvironmentVariables = environment.ToImmutableDictionary(),
            };
}
