using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests;

/// <summary>Builds the <c>mcp.json</c> files the tests capture from.</summary>
internal sealed class McpJson
{
    private readonly JsonObject _servers = [];

    public McpJson Stdio(
        string name, (string Command, string[] Arguments) command, Dictionary<string, string>? env = null, string? protocolVersion = null, bool inheritEnv = false)
    {
        JsonObject server = new()
        {
            ["type"] = "stdio",
            ["command"] = command.Command,
            ["args"] = new JsonArray([.. command.Arguments.Select(a => JsonValue.Create(a))]),
        };
        if (env is not null)
        {
            server["env"] = new JsonObject(env.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value)));
        }

        if (protocolVersion is not null)
        {
            server["protocolVersion"] = protocolVersion;
        }

        if (inheritEnv)
        {
            server["inheritEnv"] = true;
        }

        _servers[name] = server;
        return this;
    }

    public McpJson SampleStdio(string name, params string[] args) => Stdio(name, SampleServerProcess.StdioCommand(name, args));

    public McpJson Remote(string name, string type, Uri url, Dictionary<string, string>? headers = null)
    {
        JsonObject server = new() { ["type"] = type, ["url"] = url.ToString() };
        if (headers is not null)
        {
            server["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        }

        _servers[name] = server;
        return this;
    }

    /// <summary>Writes the file in the VS Code format and returns its path.</summary>
    public string WriteTo(TemporaryDirectory directory, string fileName = "mcp.json")
    {
        var path = directory.Combine(fileName);
        File.WriteAllText(path, new JsonObject { ["servers"] = _servers.DeepClone() }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
