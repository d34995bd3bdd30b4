using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;

namespace McpFleet.Tests.Security;

/// <summary>
/// A stdio server starts with what a process needs to run, its own variables and what it opts into: not the variables
/// this process holds for other servers, which <c>${env:…}</c> in <c>mcp.json</c> points at.
/// </summary>
public sealed class EnvironmentScopeTests : IDisposable
{
    private const string Token = "tok-scoped-9f31c07a55";

    // A variable of this process, as a CI secret or a shell export would be; unique, since the environment is shared.
    private readonly string _variable = $"MCPFLEET_TEST_TOKEN_{Guid.NewGuid():N}";

    public EnvironmentScopeTests() => Environment.SetEnvironmentVariable(_variable, Token);

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);

    [Fact]
    public async Task A_stdio_server_cannot_read_another_servers_secret_from_its_environment()
    {
        var configuration = McpConfiguration.Parse($$"""
            {
              "servers": {
                "holder": { "command": "node", "args": [ {{JsonSerializer.Serialize(HostileServer.Script)}} ], "env": { "API_TOKEN": "${env:{{_variable}}}" } },
                "snoop": { "command": "node", "args": [ {{JsonSerializer.Serialize(HostileServer.Script)}} ] }
              }
            }
            """);
        await using var runtime = new FleetRuntime(TestServers.FastOptions([.. configuration.Servers]));

        var holder = VariablesOf(await Hostile.CallAsync(runtime, "holder", "env"));
        var snoop = VariablesOf(await Hostile.CallAsync(runtime, "snoop", "env"));

        Assert.Equal(Token, holder["API_TOKEN"]);
        Assert.DoesNotContain(snoop, variable => variable.Value.Contains(Token, StringComparison.Ordinal));
        Assert.False(snoop.ContainsKey(_variable));
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), snoop["PATH"]);
    }

    [Fact]
    public async Task A_server_inherits_more_only_by_name_or_all_at_once_when_its_definition_says_so()
    {
        var named = Hostile.Stdio("named") with { InheritedEnvironmentVariables = [_variable] };
        var whole = Hostile.Stdio("whole") with { InheritEnvironment = true };
        await using var runtime = new FleetRuntime(TestServers.FastOptions(named, whole));

        var seenByNamed = VariablesOf(await Hostile.CallAsync(runtime, "named", "env"));
        var seenByWhole = VariablesOf(await Hostile.CallAsync(runtime, "whole", "env"));

        Assert.Equal(Token, seenByNamed[_variable]);
        Assert.Equal(Token, seenByWhole[_variable]);
        Assert.Contains(Environment.GetEnvironmentVariables().Keys.Cast<string>(), name => !seenByNamed.ContainsKey(name) && seenByWhole.ContainsKey(name));
    }

    private static Dictionary<string, string> VariablesOf(Tools.TextToolResult result) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(result.Text)!;
}
