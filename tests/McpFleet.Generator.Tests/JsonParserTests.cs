using McpFleet.Generator.Json;

namespace McpFleet.Generator.Tests;

/// <summary>The generator's own JSON parser: strict RFC 8259, positions on every node, errors at the offending character.</summary>
public sealed class JsonParserTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("0")]
    [InlineData("-1.5e+3")]
    [InlineData("1E-2")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData(" \t\r\n{ \"a\" : [ 1 , { \"b\" : null } ] } \n")]
    [InlineData("\uFEFF{}")]
    public void Valid_json_parses(string text) => Assert.Null(JsonParser.Parse(text).Error);

    [Theory]
    [InlineData("", "the text is empty; a snapshot is a JSON object", 1, 1)]
    [InlineData("{,}", "expected a property name in double quotes but found ','", 1, 2)]
    [InlineData("{\"a\":1,}", "a comma must not follow the last property of an object", 1, 8)]
    [InlineData("[1,]", "a comma must not follow the last item of an array", 1, 4)]
    [InlineData("['a']", "strings must be enclosed in double quotes", 1, 2)]
    [InlineData("// comment\n{}", "comments are not allowed in JSON", 1, 1)]
    [InlineData("[01]", "a number must not have leading zeros", 1, 3)]
    [InlineData("[1.]", "expected a digit after the decimal point but found ']'", 1, 4)]
    [InlineData("[1e]", "expected a digit in the exponent but found ']'", 1, 4)]
    [InlineData("[-]", "expected a digit but found ']'", 1, 3)]
    [InlineData("NaN", "expected a JSON value but found 'N'", 1, 1)]
    [InlineData("[tru]", "expected a JSON value but found 't'; the literals are true, false and null", 1, 2)]
    [InlineData("[\"a\nb\"]", "a line break inside a string must be written as \\n", 1, 4)]
    [InlineData("[\"a\u0001\"]", "the control character U+0001 inside a string must be escaped", 1, 4)]
    [InlineData("[\"\\x\"]", "'\\x' is not a JSON escape sequence", 1, 3)]
    [InlineData("[\"\\u12G4\"]", "'\\u' must be followed by four hexadecimal digits", 1, 3)]
    [InlineData("[\"abc", "the text ends inside a string", 1, 6)]
    [InlineData("{\"a\":1 \"b\":2}", "expected ',' or '}' after a property value but found '\"'", 1, 8)]
    [InlineData("{\"a\" 1}", "expected ':' after a property name but found '1'", 1, 6)]
    [InlineData("{\"a\":1,\"a\":2}", "the property name \"a\" appears twice in one object", 1, 8)]
    [InlineData("{} {}", "unexpected '{' after the end of the JSON value", 1, 4)]
    [InlineData("{\n  \"a\": [\r\n    1,\r    x\n]}", "expected a JSON value but found 'x'", 4, 5)]
    public void Invalid_json_is_reported_at_the_offending_character(string text, string message, int line, int column)
    {
        var error = JsonParser.Parse(text).Error;

        Assert.NotNull(error);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.LineSpan.Start.Line + 1, error.LineSpan.Start.Character + 1));
    }

    [Fact]
    public void Every_node_knows_its_line_and_column()
    {
        var root = (JsonObject)JsonParser.Parse("{\n  \"tools\": [1, \"x\"],\r\n  \"name\": null\n}").Root!;

        var tools = root.GetProperty("tools")!;
        var items = ((JsonArray)tools.Value).Items;
        Assert.Equal((1, 2), (tools.NameLineSpan.Start.Line, tools.NameLineSpan.Start.Character));
        Assert.Equal((1, 11), (tools.Value.LineSpan.Start.Line, tools.Value.LineSpan.Start.Character));
        Assert.Equal((1, 15), (items[1].LineSpan.Start.Line, items[1].LineSpan.Start.Character));
        Assert.Equal((2, 10), (root.GetProperty("name")!.Value.LineSpan.Start.Line, root.GetProperty("name")!.Value.LineSpan.Start.Character));
        Assert.Equal("\"x\"", "{\n  \"tools\": [1, \"x\"],\r\n  \"name\": null\n}".Substring(items[1].Span.Start, items[1].Span.Length));
    }

    [Fact]
    public void Strings_are_unescaped()
    {
        var value = ((JsonString)JsonParser.Parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"").Root!).Value;

        Assert.Equal("\"\\/\b\f\n\r\té😀", value);
    }

    [Fact]
    public void Nesting_is_limited_so_that_no_input_can_exhaust_the_stack()
    {
        Assert.Null(JsonParser.Parse(new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth)).Error);

        var error = JsonParser.Parse(new string('[', 100_000)).Error;

        Assert.NotNull(error);
        Assert.Equal("the JSON nests deeper than 64 levels", error.Message);
        Assert.Equal(JsonParser.MaxDepth, error.Span.Start);
    }

    [Fact]
    public void Property_names_read_back_as_written_when_more_names_repeat_than_the_name_table_holds()
    {
        // 600 names, many sharing a slot of the 256-slot name table, twice over: each object's names are its own.
        var names = Enumerable.Range(0, 600).Select(i => $"n{i}").ToList();
        var text = "[" + string.Join(",", Enumerable.Range(0, 2).Select(_ => "{" + string.Join(",", names.Select((name, i) => $"\"{name}\":{i}")) + "}")) + "]";

        var objects = ((JsonArray)JsonParser.Parse(text).Root!).Items.Cast<JsonObject>().ToList();

        Assert.All(objects, obj => Assert.Equal(names, obj.Properties.Select(p => p.Name)));
        Assert.All(objects, obj => Assert.Equal("599", ((JsonNumber)obj.GetValueOrNull("n599")!).Text));
    }

    [Theory]
    [InlineData("{ \"a\" : [ 1 , -2.5e3 , true , null ] , \"b\" : { } }", "{\"a\":[1,-2.5e3,true,null],\"b\":{}}")]
    [InlineData("\"tab\\tquote\\\"\"", "\"tab\\u0009quote\\\"\"")]
    public void Nodes_are_written_back_as_compact_json(string text, string expected) =>
        Assert.Equal(expected, CompactJson.Write(JsonParser.Parse(text).Root!));
}
