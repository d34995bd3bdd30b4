using System.Collections.Immutable;
using McpFleet.Configuration;
using McpFleet.Transports;

namespace McpFleet.Tests.Transports;

public sealed class StdioEnvironmentTests
{
    private static readonly Dictionary<string, string> s_host = new()
    {
        ["PATH"] = "/usr/bin",
        ["HOME"] = "/home/app",
        ["LANG"] = "C.UTF-8",
        ["TMPDIR"] = "/tmp/app",
        ["GITHUB_TOKEN"] = "ghp-host-token",
        ["WEATHER_KEY"] = "weather-key",
        ["JAVA_HOME"] = "/opt/java",
        ["BASH_FUNC_greet%%"] = "() { echo hi; }",
    };

    [Fact]
    public void A_server_gets_what_a_process_needs_and_its_own_variables_only()
    {
        var server = ServerDefinition.Stdio("files", "npx") with { EnvironmentVariables = ImmutableDictionary<string, string>.Empty.Add("API_KEY", "own-key").Add("HOME", "/srv/files") };

        var environment = StdioEnvironment.For(server, s_host);

        Assert.Equal(
            new Dictionary<string, string> { ["PATH"] = "/usr/bin", ["HOME"] = "/srv/files", ["LANG"] = "C.UTF-8", ["TMPDIR"] = "/tmp/app", ["API_KEY"] = "own-key" },
            environment);
    }

    [Fact]
    public void A_server_opts_into_named_variables()
    {
        var server = ServerDefinition.Stdio("java", "run-java") with { InheritedEnvironmentVariables = ["JAVA_HOME", "NOT_SET"] };

        var environment = StdioEnvironment.For(server, s_host);

        Assert.Equal("/opt/java", environment["JAVA_HOME"]);
        Assert.False(environment.ContainsKey("NOT_SET"));
        Assert.False(environment.ContainsKey("GITHUB_TOKEN"));
    }

    [Fact]
    public void A_server_that_inherits_everything_still_gets_no_shell_functions()
    {
        var environment = StdioEnvironment.For(ServerDefinition.Stdio("all", "tool") with { InheritEnvironment = true }, s_host);

        Assert.Equal("ghp-host-token", environment["GITHUB_TOKEN"]);
        Assert.Equal("weather-key", environment["WEATHER_KEY"]);
        Assert.False(environment.ContainsKey("BASH_FUNC_greet%%"));
    }
}
