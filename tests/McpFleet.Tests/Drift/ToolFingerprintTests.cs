using System.Text.Json;
using McpFleet.Drift;

namespace McpFleet.Tests.Drift;

/// <summary>The fingerprint covers what callers and the model see, and nothing of the layout.</summary>
public sealed class ToolFingerprintTests
{
    [Fact]
    public void Is_the_sha256_of_the_canonical_definition()
    {
        var tool = Parse("""{ "name": "echo", "inputSchema": { "type": "object" } }""");

        // The SHA-256 of {"inputSchema":{"type":"object"},"name":"echo"}.
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"inputSchema":{"type":"object"},"name":"echo"}"""u8)),
            ToolFingerprint.Compute(tool));
    }

    [Fact]
    public void Ignores_property_order_whitespace_null_fields_and_fields_it_does_not_cover()
    {
        var plain = Parse("""{"name":"echo","description":"d","inputSchema":{"type":"object","properties":{"a":{"type":"string"}}}}""");
        var noisy = Parse("""
            {
              "inputSchema": { "properties": { "a": { "type": "string" } }, "type": "object" },
              "title": null,
              "description": "d",
              "_meta": { "x": 1 },
              "icons": [],
              "name": "echo"
            }
            """);

        Assert.Equal(ToolFingerprint.Compute(plain), ToolFingerprint.Compute(noisy));
    }

    [Theory]
    [InlineData("""{"name":"echo","title":"Echo","inputSchema":{"type":"object"}}""")]
    [InlineData("""{"name":"echo","description":"Other","inputSchema":{"type":"object"}}""")]
    [InlineData("""{"name":"echo","inputSchema":{"type":"object","properties":{}}}""")]
    [InlineData("""{"name":"echo","inputSchema":{"type":"object"},"outputSchema":{"type":"object"}}""")]
    [InlineData("""{"name":"echo","inputSchema":{"type":"object"},"annotations":{"readOnlyHint":true}}""")]
    [InlineData("""{"name":"echo2","inputSchema":{"type":"object"}}""")]
    public void Changes_with_every_covered_field(string changed)
    {
        var tool = Parse("""{"name":"echo","inputSchema":{"type":"object"}}""");

        Assert.NotEqual(ToolFingerprint.Compute(tool), ToolFingerprint.Compute(Parse(changed)));
    }

    [Fact]
    public void Keeps_numbers_and_escapes_stable()
    {
        var left = Parse("""{"name":"caf\u00e9","inputSchema":{"type":"object","properties":{"n":{"type":"number","default":1.50}}}}""");
        var right = Parse("""{"name":"café","inputSchema":{"type":"object","properties":{"n":{"type":"number","default":1.50}}}}""");

        Assert.Equal(ToolFingerprint.Compute(left), ToolFingerprint.Compute(right));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
