using McpFleet.Configuration;

namespace McpFleet.Tests.Configuration;

public sealed class McpConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static McpConfiguration Parse(string json, Dictionary<string, string>? environment = null, string? sourcePath = null) =>
        McpConfiguration.Parse(json, sourcePath, name => environment?.GetValueOrDefault(name));

    [Fact]
    public void Reads_the_VS_Code_format_with_comments_and_trailing_commas()
    {
        var configuration = Parse("""
            {
              // VS Code allows comments
              "servers": {
                "files": { "type": "stdio", "command": "npx", "args": ["-y", "server-filesystem", "."], "env": { "LEVEL": "debug" } },
                "weather": { "type": "http", "url": "https://weather.example/mcp", "headers": { "X-Api-Key": "k-123456" }, },
              },
            }
            """);

        Assert.Equal(["files", "weather"], configuration.Servers.Select(s => s.Name));
        var files = configuration.GetServer("files");
        Assert.Equal(TransportKind.Stdio, files.Transport);
        Assert.Equal("npx", files.Command);
        Assert.Equal(["-y", "server-filesystem", "."], files.Arguments.AsEnumerable());
        Assert.Equal("debug", files.EnvironmentVariables["LEVEL"]);
        var weather = configuration.GetServer("weather");
        Assert.Equal(TransportKind.Http, weather.Transport);
        Assert.Equal(new Uri("https://weather.example/mcp"), weather.Endpoint);
        Assert.Equal("k-123456", weather.Headers["X-Api-Key"]);
    }

    [Fact]
    public void Reads_the_desktop_format_and_infers_the_transport()
    {
        var configuration = Parse("""
            { "mcpServers": {
                "local": { "command": "node", "args": ["server.js"] },
                "remote": { "url": "http://127.0.0.1:9000/mcp" },
                "legacy": { "type": "sse", "url": "http://127.0.0.1:9000/sse" },
                "strict": { "type": "streamable-http", "url": "http://127.0.0.1:9000/mcp" }
            } }
            """);

        Assert.Equal(TransportKind.Stdio, configuration.GetServer("local").Transport);
        Assert.Equal(TransportKind.Http, configuration.GetServer("remote").Transport);
        Assert.Equal(TransportKind.Sse, configuration.GetServer("legacy").Transport);
        Assert.Equal(TransportKind.StreamableHttp, configuration.GetServer("strict").Transport);
    }

    [Fact]
    public void Skips_disabled_servers()
    {
        var configuration = Parse("""{ "mcpServers": { "on": { "command": "a" }, "off": { "command": "b", "disabled": true } } }""");

        Assert.Equal(["on"], configuration.Servers.Select(s => s.Name));
    }

    [Fact]
    public void Substitutes_environment_variables_and_treats_them_as_secrets()
    {
        var configuration = Parse(
            """
            { "servers": { "api": { "url": "https://api.example/mcp?tenant=${TENANT}", "headers": { "Authorization": "Bearer ${env:API_TOKEN}" } } } }
            """,
            new() { ["API_TOKEN"] = "tok-9f8e7d6c", ["TENANT"] = "acme-corp" });

        var api = configuration.GetServer("api");
        Assert.Equal("Bearer tok-9f8e7d6c", api.Headers["Authorization"]);
        Assert.Equal("?tenant=acme-corp", api.Endpoint!.Query);
        Assert.Contains("tok-9f8e7d6c", api.Secrets);
        Assert.Contains("Bearer tok-9f8e7d6c", api.Secrets);
        Assert.Contains("acme-corp", api.Secrets);
    }

    [Fact]
    public void Describes_a_server_without_its_secrets()
    {
        var configuration = Parse(
            """
            { "servers": {
                "api": { "url": "https://user:pw-123456@api.example/mcp?key=${env:KEY}", "headers": { "Authorization": "Bearer ${env:KEY}" } },
                "tool": { "command": "tool", "args": ["--token", "${env:KEY}"], "env": { "TOKEN": "${env:KEY}" } }
            } }
            """,
            new() { ["KEY"] = "s3cr3t-value" });

        foreach (var server in configuration.Servers)
        {
            Assert.DoesNotContain("s3cr3t-value", server.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("pw-123456", server.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("api (http https://api.example/mcp)", configuration.GetServer("api").ToString());
        Assert.Equal("tool (stdio tool --token ***)", configuration.GetServer("tool").ToString());
    }

    [Fact]
    public void A_missing_variable_makes_only_its_server_unavailable_with_a_reason_that_names_the_variable()
    {
        var configuration = Parse(
            """{ "servers": { "api": { "url": "https://x.example", "headers": { "Authorization": "Bearer ${env:MISSING_TOKEN}" } }, "files": { "command": "files-server" } } }""",
            sourcePath: "/cfg/mcp.json");

        Assert.Equal(["files"], configuration.Servers.Select(server => server.Name));
        var unavailable = Assert.Single(configuration.UnavailableServers);
        Assert.Equal(new UnavailableServer("api", "/cfg/mcp.json: server 'api'.headers.Authorization: environment variable 'MISSING_TOKEN' is not set."), unavailable);
        var error = Assert.Throws<KeyNotFoundException>(() => configuration.GetServer("api"));
        Assert.Equal(unavailable.Reason, error.Message);
    }

    [Fact]
    public void Other_variable_errors_still_refuse_the_whole_configuration()
    {
        var error = Assert.Throws<McpConfigurationException>(() =>
            Parse("""{ "servers": { "api": { "url": "https://x.example", "headers": { "Authorization": "Bearer ${env:TOKEN" } } } }""", sourcePath: "/cfg/mcp.json"));

        Assert.Contains("without a closing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_server_name_gets_the_closest_name_suggested()
    {
        var configuration = Parse("""{ "servers": { "weather": { "command": "w" }, "files": { "command": "f" } } }""", sourcePath: "/cfg/mcp.json");

        var error = Assert.Throws<KeyNotFoundException>(() => configuration.GetServer("wether"));
        Assert.Equal("No server named 'wether' in /cfg/mcp.json; servers: files, weather. Did you mean 'weather'?", error.Message);
        Assert.DoesNotContain("Did you mean", Assert.Throws<KeyNotFoundException>(() => configuration.GetServer("search")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interactive_inputs_without_anyone_to_ask_are_rejected_with_a_way_out()
    {
        var error = Assert.Throws<McpConfigurationException>(() =>
            Parse("""{ "servers": { "api": { "command": "x", "env": { "KEY": "${input:api-key}" } } } }"""));

        Assert.Contains("${input:api-key}", error.Message, StringComparison.Ordinal);
        Assert.Contains("${env:NAME}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_are_asked_for_once_each_and_their_values_are_secrets()
    {
        var asked = new List<McpInput>();
        var configuration = McpConfiguration.Parse(
            """
            {
              "inputs": [
                { "type": "promptString", "id": "api-key", "description": "API key", "password": true },
                { "type": "pickString", "id": "region", "description": "Region", "options": ["eu", "us"], "default": "eu" }
              ],
              "servers": {
                "one": { "command": "x", "env": { "KEY": "${input:api-key}" }, "args": ["--region", "${input:region}"] },
                "two": { "url": "https://two.example/mcp", "headers": { "Authorization": "Bearer ${input:api-key}" } }
              }
            }
            """,
            readInput: input =>
            {
                asked.Add(input);
                return input.Id == "api-key" ? "k-7f3a9c" : input.Options[1];
            });

        Assert.Equal([new("api-key", "API key", true, null, []), new("region", "Region", false, "eu", ["eu", "us"])], asked, McpInputComparer.Instance);
        Assert.Equal("k-7f3a9c", configuration.GetServer("one").EnvironmentVariables["KEY"]);
        Assert.Equal(["--region", "us"], configuration.GetServer("one").Arguments.AsEnumerable());
        Assert.Equal("Bearer k-7f3a9c", configuration.GetServer("two").Headers["Authorization"]);
        Assert.Contains("k-7f3a9c", configuration.GetServer("two").Secrets);
    }

    [Fact]
    public void An_input_that_cannot_be_asked_for_or_is_not_defined_is_an_error_naming_the_field()
    {
        const string json = """{ "inputs": [{ "id": "api-key", "description": "API key" }], "servers": { "api": { "command": "x", "env": { "KEY": "${input:api-key}", "OTHER": "${input:other}" } } } }""";

        var refused = Assert.Throws<McpConfigurationException>(() => McpConfiguration.Parse(json, "/cfg/mcp.json", readInput: _ => throw new InvalidOperationException("input is redirected.")));
        var undefined = Assert.Throws<McpConfigurationException>(() => McpConfiguration.Parse(json, "/cfg/mcp.json", readInput: _ => "k"));

        Assert.Equal("/cfg/mcp.json: server 'api'.env.KEY: ${input:api-key}: input is redirected.", refused.Message);
        Assert.Equal("/cfg/mcp.json: server 'api'.env.OTHER: ${input:other}: no input 'other' is defined in \"inputs\".", undefined.Message);
    }

    /// <summary>Inputs compare by their options' contents, which the record's equality does not.</summary>
    private sealed class McpInputComparer : IEqualityComparer<McpInput>
    {
        public static readonly McpInputComparer Instance = new();

        public bool Equals(McpInput? x, McpInput? y) => x is not null && y is not null && x with { Options = [] } == y with { Options = [] } && x.Options.SequenceEqual(y.Options);

        public int GetHashCode(McpInput obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Resolves_the_workspace_folder_of_a_vscode_configuration_and_relative_working_directories()
    {
        var vscode = Directory.CreateDirectory(Path.Combine(_directory, ".vscode")).FullName;
        var path = Path.Combine(vscode, "mcp.json");
        File.WriteAllText(path, """{ "servers": { "s": { "command": "${workspaceFolder}/bin/server", "cwd": "data" } } }""");

        var server = McpConfiguration.Load(path, _ => null).GetServer("s");

        Assert.Equal($"{_directory}/bin/server", server.Command);
        Assert.Equal(Path.Combine(_directory, "data"), server.WorkingDirectory);
    }

    [Fact]
    public void Reads_an_env_file_whose_values_the_env_property_overrides()
    {
        File.WriteAllText(Path.Combine(_directory, ".env"), "# comment\nTOKEN=\"from-file-123\"\nREGION=eu\n");
        var path = Path.Combine(_directory, "mcp.json");
        File.WriteAllText(path, """{ "servers": { "s": { "command": "x", "envFile": "${workspaceFolder}/.env", "env": { "REGION": "us" } } } }""");

        var server = McpConfiguration.Load(path, _ => null).GetServer("s");

        Assert.Equal("from-file-123", server.EnvironmentVariables["TOKEN"]);
        Assert.Equal("us", server.EnvironmentVariables["REGION"]);
        Assert.Contains("from-file-123", server.Secrets);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line_and_column()
    {
        var error = Assert.Throws<McpConfigurationException>(() => Parse("{\n  \"servers\": {\n    \"a\": { \"command\": \"x\" } \"b\": {}\n  }\n}", sourcePath: "mcp.json"));

        Assert.StartsWith("mcp.json: invalid JSON at line 3, column 29:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "tools": [] }""", "no \"servers\" or \"mcpServers\" property.")]
    [InlineData("""[]""", "the root must be an object")]
    [InlineData("""{ "servers": { "a": { "command": 42 } } }""", "server 'a': \"command\" must be a string.")]
    [InlineData("""{ "servers": { "a": { "command": "x", "args": "y" } } }""", "server 'a': \"args\" must be an array of strings.")]
    [InlineData("""{ "servers": { "a": { "command": "x", "args": [1] } } }""", "server 'a': \"args[0]\" must be a string.")]
    [InlineData("""{ "servers": { "a": { "type": "http" } } }""", "server 'a': \"url\" is required")]
    [InlineData("""{ "servers": { "a": { "url": "ftp://x" } } }""", "server 'a': \"url\" must be an absolute http or https URL.")]
    [InlineData("""{ "servers": { "a": { "type": "carrier-pigeon", "url": "http://x" } } }""", "unknown \"type\" 'carrier-pigeon'")]
    [InlineData("""{ "servers": { "a": {} } }""", "server 'a': needs a \"command\" (stdio) or a \"url\" (remote).")]
    [InlineData("""{ "servers": { "a": { "command": "x" } }, "mcpServers": { "a": { "command": "y" } } }""", "server 'a' is defined twice.")]
    public void Wrong_shapes_are_reported_by_server_and_field(string json, string expected)
    {
        var error = Assert.Throws<McpConfigurationException>(() => Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_an_unknown_server_lists_the_known_ones()
    {
        var configuration = Parse("""{ "servers": { "b": { "command": "x" }, "a": { "command": "y" } } }""");

        var error = Assert.Throws<KeyNotFoundException>(() => configuration.GetServer("c"));

        Assert.Equal("No server named 'c' in the configuration; servers: a, b.", error.Message);
    }

    [Fact]
    public void Reads_which_variables_a_stdio_server_inherits()
    {
        var configuration = Parse("""
            {
              "servers": {
                "scoped": { "command": "a" },
                "named": { "command": "b", "inheritEnv": ["JAVA_HOME", "HTTPS_PROXY"] },
                "whole": { "command": "c", "inheritEnv": true },
                "none": { "command": "d", "inheritEnv": false }
              }
            }
            """);

        Assert.All(["scoped", "none"], name =>
        {
            Assert.False(configuration.GetServer(name).InheritEnvironment);
            Assert.Empty(configuration.GetServer(name).InheritedEnvironmentVariables);
        });
        Assert.Equal(["JAVA_HOME", "HTTPS_PROXY"], configuration.GetServer("named").InheritedEnvironmentVariables.AsEnumerable());
        Assert.False(configuration.GetServer("named").InheritEnvironment);
        Assert.True(configuration.GetServer("whole").InheritEnvironment);
    }

    [Theory]
    [InlineData("\"yes\"", "\"inheritEnv\" must be true, false or an array of environment variable names.")]
    [InlineData("[\"PATH\", 3]", "\"inheritEnv[1]\" must be the name of an environment variable.")]
    public void A_malformed_inherit_env_is_an_error_that_names_the_server(string value, string expected)
    {
        var error = Assert.Throws<McpConfigurationException>(() => Parse($$"""{ "servers": { "files": { "command": "npx", "inheritEnv": {{value}} } } }"""));

        Assert.Equal($"server 'files': {expected}", error.Message);
    }
}
