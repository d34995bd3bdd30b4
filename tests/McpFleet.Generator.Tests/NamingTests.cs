using McpFleet.Generator.Naming;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>Wire names become valid, idiomatic, collision-free C# names, deterministically, with every rename reported.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("get-structured-content", "GetStructuredContent")]
    [InlineData("read_text_file", "ReadTextFile")]
    [InlineData("readTextFile", "ReadTextFile")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("getHTTPResponse", "GetHttpResponse")]
    [InlineData("IOStream", "IOStream")]
    [InlineData("GET_ITEM", "GetItem")]
    [InlineData("user.id", "UserId")]
    [InlineData("file2name", "File2name")]
    [InlineData("file2Name", "File2Name")]
    [InlineData("class", "Class")]
    [InlineData("New York", "NewYork")]
    [InlineData("déjà vu", "DéjàVu")]
    public void Wire_names_become_pascal_case(string wireName, string expected)
    {
        var identifier = Identifiers.ToPascal(wireName, "Fallback");

        Assert.Equal(expected, identifier.Name);
        Assert.Null(identifier.ChangeReason);
    }

    [Theory]
    [InlineData("2fa", "_2fa", "a C# name cannot start with a digit")]
    [InlineData("---", "Fallback", "the name has no letters or digits")]
    [InlineData("", "Fallback", "the name has no letters or digits")]
    public void Names_without_a_valid_conversion_are_changed_with_a_reason(string wireName, string expected, string reason)
    {
        var identifier = Identifiers.ToPascal(wireName, "Fallback");

        Assert.Equal(expected, identifier.Name);
        Assert.Equal(reason, identifier.ChangeReason);
    }

    [Theory]
    [InlineData("HttpServer", "httpServer")]
    [InlineData("IOStream", "ioStream")]
    [InlineData("ID", "id")]
    [InlineData("GetItem2", "getItem2")]
    [InlineData("_2fa", "_2fa")]
    [InlineData("Class", "class")]
    public void Parameters_are_camel_case(string pascal, string expected) => Assert.Equal(expected, Identifiers.ToCamel(pascal));

    [Fact]
    public void Names_that_differ_only_by_punctuation_get_numbered_in_ordinal_order_of_their_wire_names()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""
            [
              { "name": "get_item", "inputSchema": { "type": "object" } },
              { "name": "get-item", "inputSchema": { "type": "object" } },
              { "name": "getItem", "inputSchema": { "type": "object" } }
            ]
            """));

        var server = fleet.Type("TestServer");
        Assert.All(["GetItemAsync", "GetItem2Async", "GetItem3Async"], method => Assert.NotNull(server.GetMethod(method, ToolMethodParameters.None)));

        // Ordinal: "get-item" < "getItem" < "get_item".
        var tools = fleet.Type("TestServer+Tools");
        Assert.Equal("get-item", ToolName(tools, "GetItem"));
        Assert.Equal("getItem", ToolName(tools, "GetItem2"));
        Assert.Equal("get_item", ToolName(tools, "GetItem3"));
        var renames = fleet.Output.WithId("MCPF0007").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("The C# name for tool 'getItem' is 'GetItem2Async' because 'GetItemAsync' is already used by tool 'get-item'", renames);
        Assert.Contains("The C# name for tool 'get_item' is 'GetItem3Async' because 'GetItemAsync' is already used by tool 'get-item'", renames);
    }

    [Fact]
    public void Keywords_digits_and_reserved_names_give_valid_parameters_and_properties()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""
            {
              "class": { "type": "string" },
              "2fa": { "type": "string" },
              "cancellationToken": { "type": "string" },
              "tArguments": { "type": "string" },
              "toString": { "type": "string" }
            }
            """, """["class"]"""));

        var method = fleet.Type("TestServer").GetMethods().Single(m => m.Name == "TAsync" && m.GetParameters()[0].ParameterType == typeof(string));
        Assert.Equal(
            ["class", "_2fa", "cancellationToken2", "tArguments", "toString", "progress", "cancellationToken"],
            method.GetParameters().Select(p => p.Name));
        var arguments = fleet.Create("TArguments", ("Class", "c"), ("_2fa", "x"), ("CancellationToken", "ct"), ("TArguments2", "a"), ("ToString2", "s"));
        Assert.Equal(
            """{"class":"c","2fa":"x","cancellationToken":"ct","tArguments":"a","toString":"s"}""",
            CompiledFleet.WriteArguments(arguments));

        var messages = fleet.Output.WithId("MCPF0007").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("The C# name for 'inputSchema.properties[\"2fa\"]' of tool 't' is '_2fa' because a C# name cannot start with a digit", messages);
        Assert.Contains("The C# name for the parameter for 'inputSchema.properties.cancellationToken' of tool 't' is 'cancellationToken2' because 'cancellationToken' is already used by the method's cancellationToken parameter", messages);
        Assert.Contains("The C# name for 'inputSchema.properties.tArguments' of tool 't' is 'TArguments2' because 'TArguments' is already used by the record itself", messages);
        Assert.Contains("The C# name for 'inputSchema.properties.toString' of tool 't' is 'ToString2' because 'ToString' is already used by a member every C# object has", messages);
        Assert.Equal(4, messages.Count);
        Assert.All(fleet.Output.WithId("MCPF0007"), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Fact]
    public void A_rename_is_reported_at_the_wire_name()
    {
        var snapshot = TestSnapshot.WithOutput("""{ "a-b": { "type": "string" }, "a_b": { "type": "string" } }""");
        var output = GeneratorHarness.Run([snapshot]).AssertNoException();

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(output, "MCPF0007"),
            "MCPF0007",
            DiagnosticSeverity.Info,
            "The C# name for 'outputSchema.properties.a_b' of tool 't' is 'AB2' because 'AB' is already used by property 'a-b'",
            "/snapshots/test.snapshot.json",
            line: 5,
            column: snapshot.Text.Split('\n')[4].IndexOf("\"a_b\"", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Result_properties_do_not_take_the_names_of_the_result_base()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithOutput("""{ "rawResult": { "type": "string" }, "read": { "type": "string" } }""", """["rawResult"]"""));

        var result = fleet.ReadResult("TResult", """{ "rawResult": "raw", "read": "r" }""");

        Assert.Equal("raw", CompiledFleet.Get(result, "RawResult2"));
        Assert.Equal("r", CompiledFleet.Get(result, "Read"));
        Assert.IsType<ModelContextProtocol.Protocol.CallToolResult>(CompiledFleet.Get(result, "RawResult"));
    }

    [Fact]
    public void A_tool_named_like_the_tools_class_is_renamed()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithTools("""[ { "name": "tools", "inputSchema": {} }, { "name": "name", "inputSchema": {} } ]"""));

        Assert.Equal("tools", ToolName(fleet.Type("TestServer+Tools"), "Tools2"));
        Assert.Equal("name", ToolName(fleet.Type("TestServer+Tools"), "Name"));
        Assert.Equal("test", ((ToolDescriptor)fleet.Type("TestServer+Tools").GetField("Name")!.GetValue(null)!).ServerName);
    }

    [Fact]
    public void Server_names_become_class_namespace_and_fleet_property_names()
    {
        using var fleet = CompiledFleet.Generate(
            TestSnapshot.WithTools("[]", server: "weather-server"),
            TestSnapshot.WithTools("[]", server: "fleet"),
            TestSnapshot.WithTools("[]", server: "runtime"));

        Assert.NotNull(fleet.Type("WeatherServer", server: "WeatherServer"));
        Assert.NotNull(fleet.Type("FleetServer", server: "Fleet2"));
        Assert.NotNull(fleet.Type("RuntimeServer", server: "Runtime"));
        var fleetType = fleet.FleetType();
        Assert.Equal(
            ["Fleet2", "Runtime", "Runtime2", "WeatherServer"],
            fleetType.GetProperties().Where(p => !p.GetMethod!.IsStatic).Select(p => p.Name).Order(StringComparer.Ordinal));
        var messages = fleet.Output.WithId("MCPF0007").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("The C# name for server 'fleet' is 'Fleet2' because 'Fleet' is already used by the fleet class", messages);
        Assert.Contains("The C# name for the fleet property for server 'runtime' is 'Runtime2' because 'Runtime' is already used by the fleet class's Runtime member", messages);
    }

    [Fact]
    public void Enum_values_that_collide_are_numbered()
    {
        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput("""{ "mode": { "type": "string", "enum": ["a-b", "a_b", "2x", ""] } }"""));

        Assert.Equal(["AB", "AB2", "X2", "Value"], System.Enum.GetNames(fleet.Type("TMode")));
    }

    private static string ToolName(Type tools, string field) => ((ToolDescriptor)tools.GetField(field)!.GetValue(null)!).ToolName;
}
