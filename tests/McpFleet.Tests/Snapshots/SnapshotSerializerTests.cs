using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using McpFleet.Snapshots;

namespace McpFleet.Tests.Snapshots;

public sealed class SnapshotSerializerTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static ServerSnapshot Sample(params string[] toolJson) => new()
    {
        Name = "weather",
        Server = new SnapshotServerInfo("weather-server", "Weather", "2.1.0"),
        ProtocolVersion = "2025-11-25",
        Capabilities = Json("""{"tools":{"listChanged":true}}"""),
        Tools = [.. toolJson.Select(Json)],
    };

    [Fact]
    public void Writes_the_canonical_form()
    {
        var snapshot = Sample("""{"name":"forecast","inputSchema":{"type":"object","properties":{"city":{"type":"string"}}}}""");

        var text = Encoding.UTF8.GetString(SnapshotSerializer.Serialize(snapshot));

        Assert.Equal(
            """
            {
              "formatVersion": 1,
              "name": "weather",
              "server": {
                "name": "weather-server",
                "title": "Weather",
                "version": "2.1.0"
              },
              "protocolVersion": "2025-11-25",
              "capabilities": {
                "tools": {
                  "listChanged": true
                }
              },
              "tools": [
                {
                  "name": "forecast",
                  "inputSchema": {
                    "type": "object",
                    "properties": {
                      "city": {
                        "type": "string"
                      }
                    }
                  }
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Sorts_entries_ordinally_but_keeps_each_entry_as_the_server_sent_it()
    {
        var snapshot = Sample(
            """{"name":"b","inputSchema":{"type":"object"},"description":"second"}""",
            """{"name":"B","description":"upper case sorts first","inputSchema":{"type":"object"}}""",
            """{"name":"a","inputSchema":{"type":"object"}}""");

        var written = JsonDocument.Parse(SnapshotSerializer.Serialize(snapshot)).RootElement.GetProperty("tools");

        Assert.Equal(["B", "a", "b"], written.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["name", "inputSchema", "description"], written[2].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Writes_utf8_without_bom_with_lf_and_a_final_newline_and_readable_text()
    {
        var bytes = SnapshotSerializer.Serialize(Sample("""{"name":"t","description":"Température <5°C> & 'quoted'","inputSchema":{}}"""));

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Contains("Température <5°C> & 'quoted'", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_numbers_as_written()
    {
        var bytes = SnapshotSerializer.Serialize(Sample("""{"name":"t","inputSchema":{"type":"number","maximum":1.50,"minimum":1e3}}"""));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"maximum\": 1.50", text, StringComparison.Ordinal);
        Assert.Contains("\"minimum\": 1e3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_byte_for_byte()
    {
        var snapshot = new ServerSnapshot
        {
            Name = "weather",
            Server = new SnapshotServerInfo("weather-server", "Weather", "2.1.0"),
            ProtocolVersion = "2026-07-28",
            Capabilities = Json("""{"tools":{},"resources":{}}"""),
            Instructions = "Use forecast for weather.",
            Tools = [Json("""{"name":"z","inputSchema":{}}"""), Json("""{"name":"a","inputSchema":{}}""")],
            Resources = [Json("""{"uri":"file:///b","name":"b"}"""), Json("""{"uri":"file:///a","name":"a"}""")],
            ResourceTemplates = [Json("""{"uriTemplate":"file:///{path}","name":"file"}""")],
            Prompts = [Json("""{"name":"summarise"}""")],
        };
        var bytes = SnapshotSerializer.Serialize(snapshot);

        var read = SnapshotSerializer.Deserialize(bytes, "unused");

        Assert.Equal("weather", read.Name);
        Assert.Equal(new SnapshotServerInfo("weather-server", "Weather", "2.1.0"), read.Server);
        Assert.Equal("Use forecast for weather.", read.Instructions);
        Assert.Equal(["file:///a", "file:///b"], read.Resources.Select(r => r.GetProperty("uri").GetString()));
        Assert.Equal(bytes, SnapshotSerializer.Serialize(read));
    }

    [Fact]
    public void Omits_empty_optional_lists_but_always_writes_tools()
    {
        var text = Encoding.UTF8.GetString(SnapshotSerializer.Serialize(new ServerSnapshot { Name = "empty" }));

        Assert.Equal("{\n  \"formatVersion\": 1,\n  \"name\": \"empty\",\n  \"tools\": []\n}\n", text);
    }

    [Fact]
    public void Reads_a_bare_tools_list_result()
    {
        var snapshot = SnapshotSerializer.Deserialize("""{"tools":[{"name":"echo","inputSchema":{"type":"object"}}],"nextCursor":null}"""u8.ToArray(), "echo-server");

        Assert.Equal("echo-server", snapshot.Name);
        Assert.Null(snapshot.Server);
        Assert.Equal("echo", Assert.Single(snapshot.Tools).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"formatVersion":2,"tools":[]}""", "Unsupported snapshot format version 2; this version of McpFleet reads version 1.")]
    [InlineData("""{"formatVersion":"1","tools":[]}""", "Unsupported snapshot format version \"1\"")]
    [InlineData("""{"name":"x"}""", "A snapshot needs a \"tools\" array.")]
    [InlineData("""{"tools":{}}""", "\"tools\" must be an array.")]
    [InlineData("""{"tools":[1]}""", "\"tools[0]\" must be an object.")]
    [InlineData("""[1]""", "A snapshot must be a JSON object.")]
    [InlineData("{\n  \"tools\": [\n}", "Invalid JSON at line 3, column 1.")]
    public void Rejects_what_is_not_a_snapshot(string json, string expected)
    {
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "x"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weather", "weather.snapshot.json")]
    [InlineData("io.github/acme:server", "io.github-acme-server.snapshot.json")]
    [InlineData("my server", "my-server.snapshot.json")]
    public void Names_files_safely(string serverName, string fileName) =>
        Assert.Equal(fileName, ServerSnapshot.GetFileName(serverName));
}
