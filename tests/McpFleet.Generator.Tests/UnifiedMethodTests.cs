using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Tools;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests;

/// <summary>
/// The fleet class's unified methods: their names are unique in the fleet class (ordinal order of the wire names
/// decides, a clash is a warning), they call the group's descriptor, and servers cannot share a namespace.
/// </summary>
public sealed class UnifiedMethodTests
{
    [Fact]
    public void A_unified_method_has_both_overloads_and_calls_its_group()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("replicas"), null);

        var echo = fleet.FleetType().GetMethods().Where(m => m.Name == "EchoAsync").Select(m => string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))).Order(StringComparer.Ordinal);
        Assert.Equal(["EchoArguments, IProgress`1, CancellationToken", "String, IProgress`1, CancellationToken"], echo);
        var source = fleet.Output.Source("McpFleet.Fleet.g.cs");
        Assert.Contains(
            "_runtime.CallToolAsync<global::MyApp.SampleEast.EchoArguments, global::McpFleet.Tools.TextToolResult>(Groups.Echo, arguments, progress, cancellationToken);",
            source,
            StringComparison.Ordinal);
        Assert.Contains(
            "/// <para>Unified tool <c>echo</c>: servers <c>sample-east</c> and <c>sample-west</c> define it identically (replicas); a call goes to them in this order. The description is server <c>sample-east</c>'s.</para>",
            source,
            StringComparison.Ordinal);

        // The per-server files do not change when servers are grouped.
        var alone = GeneratorHarness.Run([ConflictSets.Inputs("replicas")[0]]).AssertNoException();
        Assert.Equal(alone.Source("McpFleet.SampleEast.g.cs"), fleet.Output.Source("McpFleet.SampleEast.g.cs"));
    }

    [Fact]
    public void A_unified_method_has_a_typed_fan_out_sibling_over_its_group()
    {
        using var fleet = CompiledFleet.Generate(ConflictSets.Inputs("replicas"), null);

        var fanOut = Assert.Single(fleet.FleetType().GetMethods(), m => m.Name == "EchoFanOutAsync");
        Assert.Equal(["TValue"], fanOut.GetGenericArguments().Select(t => t.Name));
        Assert.Equal(["EchoArguments", "AggregationStrategy`2", "FanOutOptions", "CancellationToken"], fanOut.GetParameters().Select(p => p.ParameterType.Name));
        Assert.Equal(typeof(TextToolResult), fanOut.GetParameters()[1].ParameterType.GetGenericArguments()[0]);
        Assert.Equal("FanOutResult`2", fanOut.ReturnType.GetGenericArguments()[0].Name);
        Assert.Contains(
            "_runtime.FanOutAsync(global::McpFleet.Aggregation.FanOutTargets.Group(Groups.Echo), arguments, strategy, options, cancellationToken);",
            fleet.Output.Source("McpFleet.Fleet.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_unified_method_does_not_take_the_name_of_a_fan_out_method()
    {
        const string Tools = """[ { "name": "echo", "inputSchema": { "type": "object" } }, { "name": "echo_fan_out", "inputSchema": { "type": "object" } } ]""";

        using var fleet = CompiledFleet.Generate([TwoServers.Snapshot("alpha", "1.0.0", Tools), TwoServers.Snapshot("beta", "1.0.0", Tools)], null);

        Assert.NotNull(fleet.FleetType().GetMethod("EchoFanOut2Async", ToolMethodParameters.None));
        Assert.Equal(
            ["The unified method for tool 'echo_fan_out' is named 'EchoFanOut2Async' because 'EchoFanOutAsync' is already used by the fan-out method of tool 'echo'"],
            fleet.Output.WithId("MCPF0105").Select(d => d.Message()));
    }

    [Fact]
    public void A_fan_out_method_does_not_take_the_name_of_an_earlier_unified_method()
    {
        // "Echo_fan_out" sorts before "echo", so its unified method takes EchoFanOutAsync first.
        const string Tools = """[ { "name": "Echo_fan_out", "inputSchema": { "type": "object" } }, { "name": "echo", "inputSchema": { "type": "object" } } ]""";

        using var fleet = CompiledFleet.Generate([TwoServers.Snapshot("alpha", "1.0.0", Tools), TwoServers.Snapshot("beta", "1.0.0", Tools)], null);

        Assert.NotNull(fleet.FleetType().GetMethod("EchoFanOutAsync", ToolMethodParameters.None));
        Assert.NotNull(fleet.FleetType().GetMethod("Echo2Async", ToolMethodParameters.None));
        Assert.Single(fleet.FleetType().GetMethods(), m => m.Name == "Echo2FanOutAsync");
        Assert.Equal(
            ["The unified method for tool 'echo' is named 'Echo2Async' because 'EchoFanOutAsync' is already used by the unified method for tool 'Echo_fan_out'"],
            fleet.Output.WithId("MCPF0105").Select(d => d.Message()));
    }

    [Fact]
    public void Wire_names_that_give_one_method_name_are_numbered_in_ordinal_order_with_a_warning()
    {
        const string Tools = """[ { "name": "get-item", "inputSchema": { "type": "object" } }, { "name": "get_item", "inputSchema": { "type": "object" } } ]""";

        using var fleet = CompiledFleet.Generate([TwoServers.Snapshot("alpha", "1.0.0", Tools), TwoServers.Snapshot("beta", "1.0.0", Tools)], null);

        var groups = fleet.FleetType().GetNestedType("Groups")!;
        Assert.Equal("get-item", ((ToolGroupDescriptor)groups.GetField("GetItem")!.GetValue(null)!).ToolName);
        Assert.Equal("get_item", ((ToolGroupDescriptor)groups.GetField("GetItem2")!.GetValue(null)!).ToolName);
        Assert.NotNull(fleet.FleetType().GetMethod("GetItemAsync", ToolMethodParameters.None));
        Assert.NotNull(fleet.FleetType().GetMethod("GetItem2Async", ToolMethodParameters.None));
        DiagnosticAssert.Is(
            DiagnosticAssert.Single(fleet.Output, "MCPF0105"),
            "MCPF0105",
            DiagnosticSeverity.Warning,
            "The unified method for tool 'get_item' is named 'GetItem2Async' because 'GetItemAsync' is already used by the unified method for tool 'get-item'",
            "/snapshots/alpha.snapshot.json",
            line: 6,
            column: 85);
    }

    [Fact]
    public void A_unified_method_does_not_take_the_name_of_a_fleet_member_or_server_property()
    {
        const string Tools = """[ { "name": "dispose", "inputSchema": { "type": "object" } }, { "name": "echo", "inputSchema": { "type": "object" } } ]""";
        var inputs = new[]
        {
            TwoServers.Snapshot("alpha", "1.0.0", Tools),
            TwoServers.Snapshot("beta", "1.0.0", Tools),
            TwoServers.Snapshot("echo-async", "1.0.0", "[]"),
        };

        using var fleet = CompiledFleet.Generate(inputs, null);

        Assert.NotNull(fleet.FleetType().GetMethod("Dispose2Async", ToolMethodParameters.None));
        Assert.NotNull(fleet.FleetType().GetMethod("Echo2Async", ToolMethodParameters.None));
        Assert.Equal("EchoAsyncServer", fleet.FleetType().GetProperty("EchoAsync")!.PropertyType.Name);
        Assert.Equal(
            [
                "The unified method for tool 'dispose' is named 'Dispose2Async' because 'DisposeAsync' is already used by the fleet class's DisposeAsync member",
                "The unified method for tool 'echo' is named 'Echo2Async' because 'EchoAsync' is already used by the fleet property for server 'echo-async'",
            ],
            fleet.Output.WithId("MCPF0105").Select(d => d.Message()));
    }

    [Fact]
    public void Two_servers_in_one_namespace_is_an_error_and_the_later_is_skipped()
    {
        var inputs = ConflictSets.Inputs("replicas").Select(input => input with { Namespace = "Vendor.Tools" }).ToList();

        using var fleet = CompiledFleet.Generate(inputs, null);

        DiagnosticAssert.Is(
            DiagnosticAssert.Single(fleet.Output, "MCPF0114"),
            "MCPF0114",
            DiagnosticSeverity.Error,
            "Servers 'sample-east' and 'sample-west' both put their types in namespace 'Vendor.Tools', where they would be defined twice, so 'sample-west' is skipped. Give one of them another Namespace metadata on its McpSnapshot item.",
            "/snapshots/sample-west.snapshot.json",
            line: 3,
            column: 11);
        Assert.DoesNotContain("McpFleet.SampleWest.g.cs", fleet.Output.Sources.Keys);
        Assert.Empty(fleet.Manifest().ToolGroups);
    }

    [Fact]
    public void A_namespace_set_by_metadata_keeps_another_servers_default_namespace_free()
    {
        var inputs = ConflictSets.Inputs("replicas");
        inputs[0] = inputs[0] with { Namespace = "MyApp.SampleWest" };

        using var fleet = CompiledFleet.Generate(inputs, null);

        Assert.Equal("MyApp.SampleWest2.SampleWestServer", fleet.FleetType().GetProperty("SampleWest2")!.PropertyType.FullName);
        Assert.Contains(
            "The C# name for server 'sample-west' is 'SampleWest2' because 'SampleWest' is already used by the namespace of server 'sample-east'",
            fleet.Output.WithId("MCPF0007").Select(d => d.Message()));
    }
}
