using System.Globalization;
using System.Reflection;
using System.Text.Json;
using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Tools;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// JSON Schema maps to C# types whose compiled code writes and reads exactly the wire format: checked by compiling the
/// generated code, writing arguments and reading crafted results.
/// </summary>
public sealed class SchemaMappingTests
{
    private static readonly NullabilityInfoContext s_nullability = new();

    [Fact]
    public void String_enums_become_enums_that_write_and_read_the_exact_wire_strings()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [ {
              "name": "t",
              "inputSchema": { "type": "object", "properties": { "city": { "type": "string", "enum": ["New York", "Chicago", "los-angeles"] } }, "required": ["city"] },
              "outputSchema": { "type": "object", "properties": { "state": { "enum": ["on", "off"] } }, "required": ["state"] }
            } ]
            """));

        Assert.Equal(["NewYork", "Chicago", "LosAngeles"], Enum.GetNames(fleet.Type("TCity")));
        var arguments = fleet.Create("TArguments", ("City", fleet.Enum("TCity", "LosAngeles")));
        Assert.Equal("""{"city":"los-angeles"}""", CompiledFleet.WriteArguments(arguments));

        var fromWire = fleet.Type("TCityWireValues").GetMethod("FromWireValue")!;
        Assert.Equal(fleet.Enum("TCity", "NewYork"), fromWire.Invoke(null, ["New York"]));
        Assert.Null(fromWire.Invoke(null, ["Boston"]));

        Assert.Equal(fleet.Enum("TResultState", "Off"), CompiledFleet.Get(fleet.ReadResult("TResult", """{ "state": "off" }"""), "State"));
        var error = Assert.Throws<ToolResultFormatException>(() => fleet.ReadResult("TResult", """{ "state": "dim" }"""));
        Assert.Equal(
            "The result of tool 't' on server 'test' does not match its output schema: the property 'state' has the value \"dim\", which is not one of the values its schema allows.",
            error.Message);
    }

    [Fact]
    public void Required_arguments_come_first_and_optional_ones_are_nullable_and_left_out_when_null()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput(
            """
            {
              "verbose": { "type": "boolean" },
              "city": { "type": "string" },
              "days": { "type": "integer" },
              "scale": { "type": "number" }
            }
            """,
            """["scale", "city"]"""));

        var method = fleet.Type("TestServer").GetMethods().Single(m => m.Name == "TAsync" && m.GetParameters()[0].Name == "city");
        Assert.Equal(
            [("city", typeof(string)), ("scale", typeof(double)), ("verbose", typeof(bool?)), ("days", typeof(long?)), ("progress", typeof(IProgress<ModelContextProtocol.ProgressNotificationValue>)), ("cancellationToken", typeof(CancellationToken))],
            method.GetParameters().Select(p => (p.Name!, p.ParameterType)));
        Assert.All(method.GetParameters().Skip(2), p => Assert.True(p.HasDefaultValue && p.DefaultValue is null));

        Assert.Equal("""{"city":"Paris","scale":1.5}""", CompiledFleet.WriteArguments(fleet.Create("TArguments", ("City", "Paris"), ("Scale", 1.5))));
        Assert.Equal(
            """{"verbose":true,"city":"Paris","days":3,"scale":1.5}""",
            CompiledFleet.WriteArguments(fleet.Create("TArguments", ("City", "Paris"), ("Scale", 1.5), ("Verbose", true), ("Days", 3L))));
    }

    [Fact]
    public void The_nullable_forms_of_json_schema_become_nullable_types_written_as_json_null()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput(
            """
            {
              "a": { "type": ["string", "null"] },
              "b": { "type": "integer", "nullable": true },
              "c": { "anyOf": [{ "type": "number" }, { "type": "null" }] },
              "d": { "oneOf": [{ "type": "null" }, { "type": "boolean" }] },
              "e": { "type": "string", "enum": ["x", null] }
            }
            """,
            """["a", "b", "c", "d", "e"]"""));

        var arguments = fleet.Type("TArguments");
        Assert.Equal(NullabilityState.Nullable, s_nullability.Create(arguments.GetProperty("A")!).WriteState);
        Assert.Equal(typeof(long?), arguments.GetProperty("B")!.PropertyType);
        Assert.Equal(typeof(double?), arguments.GetProperty("C")!.PropertyType);
        Assert.Equal(typeof(bool?), arguments.GetProperty("D")!.PropertyType);
        Assert.Equal(typeof(Nullable<>).MakeGenericType(fleet.Type("TE")), arguments.GetProperty("E")!.PropertyType);
        Assert.Equal("""{"a":null,"b":null,"c":null,"d":null,"e":null}""", CompiledFleet.WriteArguments(fleet.Create("TArguments")));
        Assert.Equal(
            """{"a":"s","b":1,"c":2.5,"d":false,"e":"x"}""",
            CompiledFleet.WriteArguments(fleet.Create("TArguments", ("A", "s"), ("B", 1L), ("C", 2.5), ("D", false), ("E", fleet.Enum("TE", "X")))));
        Assert.DoesNotContain(fleet.Output.Diagnostics, d => d.Severity > DiagnosticSeverity.Hidden);
    }

    [Fact]
    public void Nested_objects_become_records_named_from_their_path_and_write_nested_json()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""
            {
              "filter": {
                "type": "object",
                "properties": {
                  "field": { "type": "string" },
                  "range": { "type": "object", "properties": { "min": { "type": "integer" }, "max": { "type": "integer" } }, "required": ["min"] }
                },
                "required": ["field"]
              },
              "tags": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" } } } }
            }
            """));

        var range = fleet.Create("TFilterRange", ("Min", 1L));
        var filter = fleet.Create("TFilter", ("Field", "size"), ("Range", range));
        var tags = CompiledFleet.List(fleet.Type("TTagsItem"), fleet.Create("TTagsItem", ("Name", "a")), fleet.Create("TTagsItem"));
        var arguments = fleet.Create("TArguments", ("Filter", filter), ("Tags", tags));

        Assert.Equal("""{"filter":{"field":"size","range":{"min":1}},"tags":[{"name":"a"},{}]}""", CompiledFleet.WriteArguments(arguments));
        Assert.True(fleet.Type("TFilter").IsSealed);
        Assert.Null(fleet.Type("TFilter").GetInterface("IToolArguments"));
    }

    [Fact]
    public void Arrays_become_read_only_lists_of_their_items_in_both_directions()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [ {
              "name": "t",
              "inputSchema": { "type": "object", "properties": {
                "matrix": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
                "names": { "type": "array", "items": { "type": ["string", "null"] } }
              } },
              "outputSchema": { "type": "object", "properties": {
                "matrix": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } },
                "counts": { "type": "array", "items": { "type": ["integer", "null"] } },
                "entries": { "type": "array", "items": { "type": "object", "properties": { "path": { "type": "string" } }, "required": ["path"] } }
              }, "required": ["matrix", "entries"] }
            } ]
            """));

        var arguments = fleet.Type("TArguments");
        Assert.Equal(typeof(IReadOnlyList<IReadOnlyList<long>>), arguments.GetProperty("Matrix")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), arguments.GetProperty("Names")!.PropertyType);
        Assert.Equal(
            """{"matrix":[[1,2],[]],"names":["a",null]}""",
            CompiledFleet.WriteArguments(fleet.Create("TArguments", ("Matrix", new long[][] { [1, 2], [] }), ("Names", new string?[] { "a", null }))));

        var result = fleet.ReadResult("TResult", """{ "matrix": [[1.5], [2, 3]], "counts": [1, null], "entries": [{ "path": "a" }, { "path": "b" }] }""");
        Assert.Equal([[1.5], [2.0, 3.0]], (IReadOnlyList<IReadOnlyList<double>>)CompiledFleet.Get(result, "Matrix")!);
        Assert.Equal([1L, null], (IReadOnlyList<long?>)CompiledFleet.Get(result, "Counts")!);
        var entries = ((System.Collections.IEnumerable)CompiledFleet.Get(result, "Entries")!).Cast<object>().ToList();
        Assert.Equal(["a", "b"], entries.Select(entry => CompiledFleet.Get(entry, "Path")));
        Assert.Null(CompiledFleet.Get(fleet.ReadResult("TResult", """{ "matrix": [], "entries": [] }"""), "Counts"));
    }

    [Fact]
    public void Structured_results_are_read_into_typed_records()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithOutput(
            """
            {
              "temperature": { "type": "number" },
              "conditions": { "type": "string" },
              "days": { "type": "integer" },
              "alert": { "type": ["boolean", "null"] },
              "station": { "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] },
              "extra": { "anyOf": [{ "type": "string" }, { "type": "integer" }] }
            }
            """,
            """["temperature", "conditions", "alert", "station"]"""));

        var result = fleet.ReadResult("TResult", """{ "temperature": 21.5, "conditions": "sunny", "days": 3, "alert": null, "station": { "id": "LFPG" }, "extra": 7 }""");

        Assert.Equal(21.5, CompiledFleet.Get(result, "Temperature"));
        Assert.Equal("sunny", CompiledFleet.Get(result, "Conditions"));
        Assert.Equal(3L, CompiledFleet.Get(result, "Days"));
        Assert.Null(CompiledFleet.Get(result, "Alert"));
        Assert.Equal("LFPG", CompiledFleet.Get(CompiledFleet.Get(result, "Station")!, "Id"));
        Assert.Equal(7L, CompiledFleet.Get(CompiledFleet.Get(result, "Extra")!, "Integer"));
        Assert.IsType<ToolResult>(result, exactMatch: false);

        var missing = fleet.ReadResult("TResult", """{ "temperature": 1, "conditions": "", "alert": true, "station": { "id": "x" } }""");
        Assert.Null(CompiledFleet.Get(missing, "Days"));
        Assert.Null(CompiledFleet.Get(missing, "Extra"));
    }

    [Fact]
    public void A_result_of_the_wrong_shape_is_a_format_exception_naming_the_property()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithOutput("""{ "count": { "type": "integer" } }""", """["count"]"""));

        var wrongKind = Assert.Throws<ToolResultFormatException>(() => fleet.ReadResult("TResult", """{ "count": "three" }"""));
        var missing = Assert.Throws<ToolResultFormatException>(() => fleet.ReadResult("TResult", "{}"));

        Assert.EndsWith("the property 'count' must be an integer but is a string.", wrongKind.Message, StringComparison.Ordinal);
        Assert.EndsWith("the required property 'count' is missing or null.", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "$ref": "#/$defs/point" }""", "refers to '#/$defs/point', which is not a location in this schema")]
    [InlineData("""{ "$ref": "https://example.com/point.json" }""", "refers to 'https://example.com/point.json', which is not a location in this schema")]
    [InlineData("""{ "anyOf": [{ "type": "string" }], "oneOf": [{ "type": "integer" }] }""", "combines anyOf and oneOf")]
    [InlineData("""{ "type": "object", "properties": 3 }""", "has a 'properties' that is not an object")]
    [InlineData("""{ "type": ["string", 3] }""", "has a 'type' that is neither a string nor an array of strings")]
    [InlineData("""{ "type": "null" }""", "only allows null")]
    [InlineData("""{ "anyOf": [{ "type": "null" }, { "const": null }] }""", "only allows null")]
    [InlineData("""3""", "is not a schema object")]
    public void Constructs_without_a_typed_form_become_JsonElement_with_an_info_diagnostic(string schema, string reason)
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput($$"""{ "v": {{schema}} }""", """["v"]"""));

        // Required, so not nullable: JSON null is a JsonElement too, and leaving the argument out is not allowed.
        Assert.Equal(typeof(JsonElement), fleet.Type("TArguments").GetProperty("V")!.PropertyType);
        var diagnostic = DiagnosticAssert.Single(fleet.Output, "MCPF0006");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(
            $"Tool 't' of server 'test': the schema at 'inputSchema.properties.v' {reason}, so it is generated as JsonElement",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);

        // The JSON passes through unchanged.
        using var value = JsonDocument.Parse("""{"x":[1,"two",null]}""");
        Assert.Equal("""{"v":{"x":[1,"two",null]}}""", CompiledFleet.WriteArguments(fleet.Create("TArguments", ("V", value.RootElement))));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("""{ "description": "Anything." }""")]
    [InlineData("""{ "not": { "type": "string" } }""")]
    public void Schemas_that_allow_any_value_are_JsonElement_without_a_diagnostic(string schema)
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput($$"""{ "v": {{schema}}, "w": {{schema}} }""", """["v"]"""));

        Assert.Equal(typeof(JsonElement), fleet.Type("TArguments").GetProperty("V")!.PropertyType);
        Assert.Equal(typeof(JsonElement?), fleet.Type("TArguments").GetProperty("W")!.PropertyType);
        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Fact]
    public void An_unknown_schema_type_is_a_warning()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""{ "v": { "type": "nubmer" } }"""));

        var diagnostic = DiagnosticAssert.Single(fleet.Output, "MCPF0011");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith(
            "Tool 't' of server 'test': the schema at 'inputSchema.properties.v' has the type 'nubmer', which JSON Schema does not define, so it is generated as JsonElement.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.Equal(typeof(JsonElement?), fleet.Type("TArguments").GetProperty("V")!.PropertyType);
    }

    [Fact]
    public void Combinators_that_only_add_constraints_keep_the_declared_type()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""
            {
              "range": {
                "type": "object",
                "properties": { "min": { "type": "integer" }, "max": { "type": "integer" } },
                "anyOf": [{ "required": ["min"] }, { "required": ["max"] }]
              },
              "code": { "type": "string", "allOf": [{ "minLength": 2 }, { "maxLength": 3 }] }
            }
            """));

        Assert.Equal(typeof(Nullable<>).MakeGenericType(typeof(long)), fleet.Type("TRange").GetProperty("Min")!.PropertyType);
        Assert.Equal(typeof(string), fleet.Type("TArguments").GetProperty("Code")!.PropertyType);
        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Fact]
    public void An_array_without_an_item_schema_is_a_list_of_JsonElement()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""{ "values": { "type": "array" } }"""));

        Assert.Equal(typeof(IReadOnlyList<JsonElement>), fleet.Type("TArguments").GetProperty("Values")!.PropertyType);
        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Theory]
    [InlineData("""{ "type": "object" }""", "is not an object with declared properties")]
    [InlineData("""{ "type": "array", "items": { "type": "string" } }""", "does not describe a single object type")]
    [InlineData("""{ "type": "object", "additionalProperties": { "type": "string" } }""", "is not an object with declared properties")]
    public void An_output_schema_without_a_typed_form_gives_a_JsonToolResult(string outputSchema, string reason)
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools($$"""[ { "name": "t", "inputSchema": {}, "outputSchema": {{outputSchema}} } ]"""));

        Assert.Equal(typeof(Task<JsonToolResult>), fleet.Type("TestServer").GetMethod("TAsync", ToolMethodParameters.None)!.ReturnType);
        Assert.Equal(
            $"Tool 't' of server 'test': the schema at 'outputSchema' {reason}, so it is generated as JsonToolResult",
            DiagnosticAssert.Single(fleet.Output, "MCPF0006").GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Tools_without_an_output_schema_return_text()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""[ { "name": "t", "inputSchema": {} } ]"""));

        Assert.Equal(typeof(Task<TextToolResult>), fleet.Type("TestServer").GetMethod("TAsync", ToolMethodParameters.None)!.ReturnType);
        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Fact]
    public void Root_unions_offer_the_properties_of_every_branch_required_only_where_all_require_them()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [ {
              "name": "t",
              "inputSchema": {
                "type": "object",
                "properties": { "a": { "type": "string" } },
                "oneOf": [
                  { "properties": { "id": { "type": "string" }, "mode": { "type": "string" } }, "required": ["id", "mode"] },
                  { "properties": { "url": { "type": "string" }, "mode": { "type": "integer" } }, "required": ["url", "mode"] }
                ]
              },
              "outputSchema": { "anyOf": [ { "type": "object", "properties": { "ok": { "type": "boolean" } }, "required": ["ok"] }, { "$ref": "#/$defs/failure" } ], "$defs": { "failure": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] } } }
            } ]
            """));

        var arguments = fleet.Type("TArguments");
        Assert.Equal(["A", "Id", "Mode", "Url"], arguments.GetProperties().Select(p => p.Name).Where(n => n != "AdditionalProperties" && n != "EqualityContract").Order());
        Assert.True(arguments.GetProperty("Mode")!.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0);
        Assert.Equal("""{"mode":2,"url":"u"}""", CompiledFleet.WriteArguments(fleet.Create("TArguments", ("Url", "u"), ("Mode", Activator.CreateInstance(arguments.GetProperty("Mode")!.PropertyType, 2L)))));
        Assert.Equal("boom", CompiledFleet.Get(fleet.ReadResult("TResult", """{ "error": "boom" }"""), "Error"));
        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Fact]
    public void Extra_properties_are_written_after_the_declared_ones_and_never_repeat_a_declared_name()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [ { "name": "t", "inputSchema": { "type": "object", "properties": { "a": { "type": "string" }, "b": { "type": "integer" } } } } ]
            """));
        var extra = new Dictionary<string, JsonElement>
        {
            ["a"] = JsonSerializer.SerializeToElement("not sent"),
            ["z"] = JsonSerializer.SerializeToElement(new { deep = true }),
            ["c"] = JsonSerializer.SerializeToElement(3),
        };

        var written = CompiledFleet.WriteArguments(fleet.Create("TArguments", ("A", "declared"), ("AdditionalProperties", extra)));

        Assert.Equal("""{"a":"declared","z":{"deep":true},"c":3}""", written);
    }

    [Fact]
    public void Documentation_carries_descriptions_defaults_constants_and_allowed_values()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""
            {
              "days": { "type": "integer", "description": "Days ahead", "default": 3 },
              "kind": { "type": "string", "const": "resource" },
              "level": { "type": "integer", "enum": [1, 2, 3] },
              "options": { "type": "object", "properties": { "a": { "type": "string" } }, "default": { "a": "b" } }
            }
            """));
        var source = fleet.Output.Source("McpFleet.Test.g.cs");

        Assert.Contains("/// <param name=\"days\">Days ahead. Default: <c>3</c>.</param>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>The <c>kind</c> argument. Always <c>\"resource\"</c>.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"level\">The <c>level</c> argument. Allowed values: <c>1</c>, <c>2</c>, <c>3</c>.</param>", source, StringComparison.Ordinal);
        Assert.Contains("Default: <c>{\"a\":\"b\"}</c>.", source, StringComparison.Ordinal);
        Assert.Equal(typeof(long?), fleet.Type("TArguments").GetProperty("Level")!.PropertyType);

        // Defaults are documentation only: an unset argument is left out and the server applies its default.
        Assert.Equal("{}", CompiledFleet.WriteArguments(fleet.Create("TArguments")));
    }

    [Fact]
    public void Text_from_the_snapshot_cannot_break_the_generated_code()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [ {
              "name": "we\"ird\\name\u2028*/",
              "title": "<b>Bold</b> & \"quoted\"",
              "description": "Line one\r\nline two\u2028line three\u0085/// not code\u0000 </summary>",
              "inputSchema": { "type": "object", "properties": {
                "x\"y": { "type": "string", "description": "\u202Ereversed\uD800 <see cref=\"Nope\"/>", "enum": ["a\"b", "c\u2029d"] }
              } }
            } ]
            """));

        var source = fleet.Output.Source("McpFleet.Test.g.cs");
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt; &amp; \"quoted\"", source, StringComparison.Ordinal);
        Assert.Contains("/// Line one<br/>\n", source, StringComparison.Ordinal);
        var arguments = fleet.Create("WeIrdNameArguments", ("XY", fleet.Enum("WeIrdNameXY", "CD")));
        Assert.Equal("{\"x\\u0022y\":\"c\\u2029d\"}", CompiledFleet.WriteArguments(arguments));
        var tool = (ToolDescriptor)fleet.Type("TestServer+Tools").GetField("WeIrdName")!.GetValue(null)!;
        Assert.Equal("we\"ird\\name\u2028*/", tool.ToolName);
    }

    [Fact]
    public void Declared_hints_only_are_passed_to_the_runtime()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [
              { "name": "declared", "inputSchema": {}, "annotations": { "readOnlyHint": true, "openWorldHint": false } },
              { "name": "silent", "inputSchema": {} }
            ]
            """));
        var tools = fleet.Type("TestServer+Tools");

        Assert.Equal(new ToolHints(ReadOnly: true, OpenWorld: false), ((ToolDescriptor)tools.GetField("Declared")!.GetValue(null)!).Hints);
        Assert.Same(ToolHints.None, ((ToolDescriptor)tools.GetField("Silent")!.GetValue(null)!).Hints);
    }

    [Fact]
    public void The_descriptor_and_manifest_describe_the_servers_in_ordinal_order()
    {
        using var fleet = CompiledFleet.Generate(
            TestSnapshot.WithTools("""[ { "name": "b", "inputSchema": {} }, { "name": "a", "inputSchema": {} } ]""", server: "zeta"),
            new SnapshotInput("/snapshots/alpha.json", """{ "tools": [] }"""));

        var manifest = (FleetManifest)fleet.FleetType().GetProperty("Manifest")!.GetValue(null)!;

        Assert.Equal(["alpha", "zeta"], manifest.Servers.Select(server => server.Name));
        Assert.Null(manifest.Servers[0].ProtocolVersion);
        Assert.Equal("2025-11-25", manifest.Servers[1].ProtocolVersion);
        Assert.Equal(["a", "b"], manifest.Servers[1].Tools.Select(tool => tool.ToolName));
        Assert.All(manifest.Servers[1].Tools, tool => Assert.Equal("zeta", tool.ServerName));
    }
}
