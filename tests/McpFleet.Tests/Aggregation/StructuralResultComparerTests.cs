using System.Text.Json;
using McpFleet.Aggregation;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Aggregation;

/// <summary>Majority and quorum compare results by structure: canonical JSON, whatever the key order or number form.</summary>
public sealed class StructuralResultComparerTests
{
    private static readonly StructuralResultComparer<RawToolResult> s_comparer = new();

    private static RawToolResult Structured(string json) =>
        RawToolResult.FromCallToolResult(new CallToolResult { StructuredContent = JsonDocument.Parse(json).RootElement.Clone() }, SampleToolsEcho);

    private static RawToolResult Text(string text) =>
        RawToolResult.FromCallToolResult(new CallToolResult { Content = [new TextContentBlock { Text = text }] }, SampleToolsEcho);

    private static ToolDescriptor SampleToolsEcho => new("sample", "echo", ToolHints.None);

    [Theory]
    [InlineData("""{"a":1,"b":{"x":[1,2],"y":"z"}}""", """{"b":{"y":"z","x":[1,2]},"a":1}""")]
    [InlineData("""{"n":1}""", """{"n":1.0}""")]
    [InlineData("""{"n":1.5}""", """{"n":1.50}""")]
    [InlineData("""{"n":100}""", """{"n":1e2}""")]
    [InlineData("""{"s":"é"}""", """{"s":"\u00e9"}""")]
    public void Structurally_equal_results_are_equal(string left, string right)
    {
        Assert.True(s_comparer.Equals(Structured(left), Structured(right)));
        Assert.Equal(s_comparer.GetHashCode(Structured(left)), s_comparer.GetHashCode(Structured(right)));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""")]
    [InlineData("""{"a":"1"}""", """{"a":1}""")]
    [InlineData("""{"n":9007199254740993}""", """{"n":9007199254740992}""")]
    public void Results_that_differ_in_structure_are_not_equal(string left, string right) =>
        Assert.False(s_comparer.Equals(Structured(left), Structured(right)));

    [Fact]
    public void Results_without_structured_content_are_compared_by_their_content()
    {
        Assert.True(s_comparer.Equals(Text("same"), Text("same")));
        Assert.False(s_comparer.Equals(Text("same"), Text("other")));
        Assert.False(s_comparer.Equals(Text("""{"a":1}"""), Structured("""{"a":1}""")));
    }

    [Fact]
    public void Other_results_are_compared_by_their_own_equality()
    {
        var comparer = new StructuralResultComparer<string>();

        Assert.True(comparer.Equals("a", "a"));
        Assert.False(comparer.Equals("a", "b"));
    }
}
