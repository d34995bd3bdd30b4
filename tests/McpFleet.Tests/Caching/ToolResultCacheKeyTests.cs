using System.Text.Json;
using McpFleet.Caching;
using McpFleet.Json;

namespace McpFleet.Tests.Caching;

/// <summary>Cache keys: canonical arguments, so equal arguments meet whatever their order, and unequal ones never do.</summary>
public sealed class ToolResultCacheKeyTests
{
    [Fact]
    public void Argument_order_does_not_change_the_canonical_text_at_any_depth()
    {
        var first = CanonicalJson.Write(Arguments("""{"b": 1, "a": {"y": [1, {"q": true, "p": null}], "x": "s"}}"""));
        var second = CanonicalJson.Write(Arguments("""{"a": {"x": "s", "y": [1, {"p": null, "q": true}]}, "b": 1}"""));

        Assert.Equal("""{"a":{"x":"s","y":[1,{"p":null,"q":true}]},"b":1}""", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Names_are_sorted_ordinally_not_by_culture()
    {
        var text = CanonicalJson.Write(Arguments("""{"b": 1, "B": 2, "a": 3, "_": 4}"""));

        Assert.Equal("""{"B":2,"_":4,"a":3,"b":1}""", text);
    }

    [Fact]
    public void Escaped_and_plain_spellings_of_a_string_are_the_same_argument()
    {
        Assert.Equal(CanonicalJson.Write(Arguments("""{"m": "A\/B"}""")), CanonicalJson.Write(Arguments("""{"m": "\u0041/B"}""")));
    }

    [Theory]
    [InlineData("""{"m": "x"}""", """{"m": "y"}""")]
    [InlineData("""{"m": "1"}""", """{"m": 1}""")]
    [InlineData("""{"m": [1, 2]}""", """{"m": [2, 1]}""")]
    [InlineData("""{"m": "x"}""", """{"m": "x", "n": null}""")]
    public void Different_arguments_give_different_keys(string first, string second)
    {
        var a = new ToolResultCacheKey(CacheScopeKind.Server, "s", "t", CanonicalJson.Write(Arguments(first)), "p");
        var b = a with { Arguments = CanonicalJson.Write(Arguments(second)) };

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_server_and_a_unified_tool_of_the_same_name_do_not_share_keys()
    {
        var server = new ToolResultCacheKey(CacheScopeKind.Server, "echo", "echo", "{}", "p");
        var group = server with { Kind = CacheScopeKind.ToolGroup };

        Assert.NotEqual(server, group);
        Assert.Equal(server, new ToolResultCacheKey(CacheScopeKind.Server, "echo", "echo", "{}", "p"));
    }

    private static Dictionary<string, JsonElement> Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
