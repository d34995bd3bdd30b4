using McpFleet.Cli.Repl;
using McpFleet.Configuration;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>How <c>name=target</c> arguments and <c>add</c> targets become servers.</summary>
public sealed class ServerTargetsTests
{
    [Theory]
    [InlineData(TransportKind.Http, "http://127.0.0.1:8080/mcp")]
    [InlineData(TransportKind.StreamableHttp, "http://127.0.0.1:8080/mcp")]
    [InlineData(TransportKind.Sse, "http://127.0.0.1:8080/sse")]
    [InlineData(TransportKind.WebSocket, "ws://127.0.0.1:8080/ws")]
    public void Host_and_port_mean_the_transports_usual_path(TransportKind transport, string endpoint)
    {
        var server = ServerTargets.Parse("alpha=127.0.0.1:8080", transport);

        Assert.Equal(new Uri(endpoint), server.Endpoint);
        Assert.Equal(transport, server.Transport);
        Assert.Equal("alpha", server.Name);
    }

    [Fact]
    public void A_url_is_taken_as_it_is_and_a_websocket_url_picks_its_transport()
    {
        Assert.Equal(new Uri("https://mcp.example/v1/mcp"), ServerTargets.Parse("a=https://mcp.example/v1/mcp", TransportKind.Sse).Endpoint);
        Assert.Equal(TransportKind.Sse, ServerTargets.Parse("a=https://mcp.example/v1/mcp", TransportKind.Sse).Transport);
        Assert.Equal(TransportKind.WebSocket, ServerTargets.Parse("a=ws://localhost:9/ws", TransportKind.Http).Transport);
        Assert.Equal(new Uri("http://localhost:9/mcp"), ServerTargets.Parse("a=localhost:9", TransportKind.Http).Endpoint);
    }

    [Fact]
    public void Anything_else_is_a_stdio_command_line_split_as_a_shell_would()
    {
        var server = ServerTargets.Parse("""files=npx -y "@scope/server files" '/tmp/my dir' a\ b""", TransportKind.Http);

        Assert.Equal(TransportKind.Stdio, server.Transport);
        Assert.Equal("npx", server.Command);
        Assert.Equal(["-y", "@scope/server files", "/tmp/my dir", "a b"], server.Arguments.ToArray());
    }

    [Fact]
    public void Backslashes_are_path_separators_on_windows_and_escapes_elsewhere()
    {
        const string CommandLine = """C:\tools\server.exe --root "C:\Program Files\data" \\host\share 'it\s' say\"hi\" """;

        Assert.Equal(
            ["C:\\tools\\server.exe", "--root", "C:\\Program Files\\data", "\\\\host\\share", "it\\s", "say\"hi\""],
            CommandLineWords.Split(CommandLine, windowsPaths: true));
        Assert.Equal(
            ["C:toolsserver.exe", "--root", "C:\\Program Files\\data", "\\hostshare", "it\\s", "say\"hi\""],
            CommandLineWords.Split(CommandLine, windowsPaths: false));
    }

    [Theory]
    [InlineData("=127.0.0.1:1", "Expected name=target")]
    [InlineData("b@d=127.0.0.1:1", "Invalid server name 'b@d'")]
    [InlineData("alpha=  ", "Server 'alpha' has no target")]
    [InlineData("alpha=http://127.0.0.1:1/mcp", "the ws transport needs a ws:// or wss:// URL")]
    [InlineData("alpha=node 'server.js", "Unclosed '")]
    public void Invalid_targets_say_what_is_wrong(string argument, string expected)
    {
        var error = Assert.Throws<ReplException>(() => ServerTargets.Parse(argument, argument.Contains("http://", StringComparison.Ordinal) ? TransportKind.WebSocket : TransportKind.Http));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpha=127.0.0.1:8080", true)]
    [InlineData("gamma=dotnet server.dll --name=gamma", true)]
    [InlineData("""{"a=b": 1}""", false)]
    [InlineData("echo", false)]
    [InlineData("=x", false)]
    public void Only_name_equals_target_is_a_server_argument(string argument, bool isTarget) =>
        Assert.Equal(isTarget, ServerTargets.IsTargetArgument(argument));

    [Theory]
    [InlineData("plain")]
    [InlineData("two words")]
    [InlineData("it's \"quoted\" \\ here")]
    [InlineData("")]
    public void Quoted_words_split_back_to_themselves(string word)
    {
        Assert.Equal([word], CommandLineWords.Split(CommandLineWords.Quote(word), windowsPaths: false));
        Assert.Equal([word], CommandLineWords.Split(CommandLineWords.Quote(word), windowsPaths: true));
    }
}
